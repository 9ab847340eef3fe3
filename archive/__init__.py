"""Bringing an old site's archive in: reads saved pages, WordPress exports and CSV/JSON manifests,
repairs damaged text, quarantines injected spam, writes news articles and redirects every old address.

Flow: sources (what the export holds) -> encoding -> repair -> extract/metadata/pinyin/spam (one
article's text and facts) -> importer (pages, images, redirects) -> report. The management command
`import_archive` and the admin's *Import archive* view (a background task) both run `importer.run`.
Nothing else in the project imports this app.
"""
