"""What journalists use beside the articles themselves: media contacts and downloads of press
releases, the newsroom page and its press kit, embargo preview links, email alerts.

Built on the news app (a press release is a news article of that kind), which never imports it.
"""
