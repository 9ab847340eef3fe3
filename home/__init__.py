"""The home page and the standard pages (about, investor guide, contact)."""
