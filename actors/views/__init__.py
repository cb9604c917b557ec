"""Views of the actors app, split by object: actors and offers, contact persons, glossary,
committees with meetings and participation."""
