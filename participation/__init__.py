"""What readers send: the investment inquiry form, comments on articles and story submissions,
their spam defences and their moderation in the admin."""
