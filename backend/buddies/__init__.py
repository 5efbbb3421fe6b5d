"""Buddies: the public sign-up of volunteers and MDT youth, and their vetting by a coordinator."""
