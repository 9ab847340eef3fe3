"""Helpers the demo's data modules share to write translated fields and streams."""


def both(column, pair):
    """{"zh": a, "en": b} as the two columns of a translated field."""
    return {f"{column}_zh_hans": pair["zh"], f"{column}_en": pair["en"]}


def stream(blocks):
    """(block type, value) pairs as the stream's stored (JSON) form, which Wagtail expands itself."""
    return [{"type": block_type, "value": value} for block_type, value in blocks]
