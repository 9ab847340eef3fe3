"""Editorial workflow: roles, the three-level review, the bilingual gate, translation status."""
