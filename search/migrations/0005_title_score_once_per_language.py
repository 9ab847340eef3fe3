"""site_title_score (migration 0002) works out each language's half of the title once, not once
per term, and counts only the terms the title holds.

The same arithmetic on the same values, so the same score to the last bit (a term the title
does not hold adds 0.0, which leaves the sum as it is): tests/search/test_search_speed.py
compares it with search.ranking.python_title_score. The loop of 0002 cut the title, counted its
spaces and spaced it out again for each of the query's terms: for a question of twenty terms,
40 µs a title, most of the search's second pass on PostgreSQL (docs/performance.md).
"""

from importlib import import_module

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION site_title_score(title text, terms text[], han boolean[])
RETURNS double precision
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    padded text := COALESCE(title, '') || ' | ';
    split integer := strpos(padded, '|');
    chinese text := substring(padded FROM 1 FOR split - 1);
    latin text := substring(padded FROM split + 1);
    spaced_chinese text := ' ' || replace(chinese, ' ', '  ') || ' ';
    spaced_latin text := ' ' || replace(latin, ' ', '  ') || ' ';
    norm_chinese double precision := '1.2'::double precision * ('0.25'::double precision
        + '0.75'::double precision
        * (length(chinese) - length(replace(chinese, ' ', '')))::double precision
        / '8.0'::double precision);
    norm_latin double precision := '1.2'::double precision * ('0.25'::double precision
        + '0.75'::double precision
        * (length(latin) - length(replace(latin, ' ', '')))::double precision
        / '8.0'::double precision);
    score double precision := 0.0;
    spaced text;
    norm double precision;
    needle text;
    tf double precision;
BEGIN
    FOR i IN 1 .. COALESCE(array_length(terms, 1), 0) LOOP
        IF han[i] THEN
            spaced := spaced_chinese;
            norm := norm_chinese;
        ELSE
            spaced := spaced_latin;
            norm := norm_latin;
        END IF;
        needle := ' ' || terms[i] || ' ';
        IF strpos(spaced, needle) > 0 THEN
            tf := (length(spaced) - length(replace(spaced, needle, '')))::double precision
                / length(needle)::double precision;
            score := score + tf / (tf + norm);
        END IF;
    END LOOP;
    RETURN score;
END
$$
"""


def create_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def restore_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(import_module("search.migrations.0002_title_score_function").CREATE)


class Migration(migrations.Migration):
    dependencies = [("site_search", "0004_rights_for_synonyms")]

    operations = [migrations.RunPython(create_function, restore_function)]
