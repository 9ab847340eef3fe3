"""International cooperation: partner projects by country, sector and status, and their index."""
