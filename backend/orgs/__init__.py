"""Organisations: the national board, twelve provinces and the municipal branches, as a tree."""
