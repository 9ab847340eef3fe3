"""Images and documents: the custom image model with bilingual alt text, caption and credit,
its renditions, and the private store that keeps embargoed files from the public."""
