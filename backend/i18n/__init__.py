"""Languages: locale negotiation and the export of catalogs for the PWA."""
