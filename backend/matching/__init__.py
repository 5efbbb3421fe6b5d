"""Matching: a newcomer and a buddy coupled under an organisation.

For now the Match row and its sync scope (match:<id>); intake, vetting and the approval
lifecycle with its audit trail arrive with the matching issue.
"""
