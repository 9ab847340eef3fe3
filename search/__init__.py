"""The site's search: the search page, and Wagtail's database backend taught Chinese (word
segmentation, Traditional queries, English stemming, the ranking)."""
