"""The test suite: one folder per app, site/ for site-wide checks, production/ for the running
stack, browser/ for real-Chromium tests, demo/ for the demo content the others can load."""
