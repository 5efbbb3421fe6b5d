"""Newcomers: the intake a coordinator records, and the newcomer's account made from it."""
