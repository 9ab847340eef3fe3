"""The demo content (`load_demo`) and the demo rows the other tests load from it (rows.py)."""
