"""The title score as a PostgreSQL function, site_title_score(title, terms, han).

The same arithmetic, step for step, as search.ranking.python_title_score, which SQLite runs
as a registered function: both databases rank equal titles alike, and a test compares them
to the last bit. Written as SQL string functions inside every query, the score took a
third of a PostgreSQL search's time for Django to build and compile (docs/performance.md).
`han[i]` says whether `terms[i]` is Chinese, counted in the title's Chinese half.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION site_title_score(title text, terms text[], han boolean[])
RETURNS double precision
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    padded text := COALESCE(title, '') || ' | ';
    split integer := strpos(padded, '|');
    score double precision := 0.0;
    segment text;
    spaced text;
    needle text;
    title_terms double precision;
    norm double precision;
    tf double precision;
BEGIN
    FOR i IN 1 .. COALESCE(array_length(terms, 1), 0) LOOP
        IF han[i] THEN
            segment := substring(padded FROM 1 FOR split - 1);
        ELSE
            segment := substring(padded FROM split + 1);
        END IF;
        spaced := ' ' || replace(segment, ' ', '  ') || ' ';
        title_terms := (length(segment) - length(replace(segment, ' ', '')))::double precision;
        norm := '1.2'::double precision * ('0.25'::double precision
            + '0.75'::double precision * title_terms / '8.0'::double precision);
        needle := ' ' || terms[i] || ' ';
        tf := (length(spaced) - length(replace(spaced, needle, '')))::double precision
            / length(needle)::double precision;
        score := score + tf / (tf + norm);
    END LOOP;
    RETURN score;
END
$$
"""

DROP = "DROP FUNCTION IF EXISTS site_title_score(text, text[], boolean[])"


def create_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("site_search", "0001_title_and_body_index")]

    operations = [migrations.RunPython(create_function, drop_function)]
