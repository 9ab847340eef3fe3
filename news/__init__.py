"""The newsroom's articles: the news index, news articles, press releases and features, the
people and keywords they are tagged with, keyword pages, and the news feeds."""
