"""Dutch phrase practice: the phrase catalogue (content domain), branches' own phrases, reviews
(append-only, from the phone's FSRS scheduler), the card state the phone derived, practice
settings and consents, and the progress a buddy may see. docs/phrases.md is the contract."""
