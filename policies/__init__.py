"""Policy lists: structured lists (support policies, the investment catalogue, scenario
opportunities) with filters, an entry page each, and CSV/XLSX downloads."""
