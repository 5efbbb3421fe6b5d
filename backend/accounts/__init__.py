"""Accounts: users, roles, login sessions, CSRF, passwords and the user's own profile."""
