"""The fifteen themes of phrase practice (DESIGN section 8: daily life and the KNM exam), in order.

The labels are in the content domain (msgctxt "theme"); the code is the theme's file name and the
first part of each phrase id.
"""
THEMES = {
    "kennismaken": "Kennismaken",
    "gemeente": "De gemeente",  # BRP, BSN, DigiD
    "brieven": "Brieven en formulieren",
    "huisarts": "De huisarts",
    "apotheek": "Apotheek en zorgverzekering",
    "noodgeval": "Noodgevallen",  # 112
    "wonen": "Wonen",
    "werk": "Werk",
    "school": "School en kinderen",
    "winkelen": "Boodschappen en geld",
    "vervoer": "Vervoer",
    "bellen": "Bellen en afspraken maken",
    "omgang": "Omgangsvormen",
    "rechten": "Rechten en regels",
    "samen": "Samen oefenen",
}
LEVELS = ("A0", "A1", "A2", "B1")
CONTENT_LANGUAGES = ("en", "ar", "ti", "tr", "fa", "uk", "pl")  # every shipped language but Dutch
