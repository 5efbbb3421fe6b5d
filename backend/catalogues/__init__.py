"""Catalogues: the fixed, translated lists that intake and sign-up choose from (no free text).

Languages spoken, interests, goals in the three domains of reciprocity (taal, werk, meedoen),
newcomer categories, Dutch levels, learning routes, genders, and the reasons a match ends or
a proposal is declined. Codes are stored; labels are translated when shown.
"""
