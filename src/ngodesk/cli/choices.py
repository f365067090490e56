"""The names the command line offers as choices, written out here so that
building its parser imports no service, format or model module (a
command's ``--help`` answers at once). tests/test_cli_startup.py checks
each against the module it comes from."""

#: services.importing.OnDuplicate's values
ON_DUPLICATE = ("skip", "merge", "add")
#: services.exporting.FORMATS
EXPORT_FORMATS = ("json", "csv", "ris", "bibtex", "csl-json", "dc-xml", "html")
#: formats.csv_table.FIELDS, EXTRA and IGNORE
CSV_FIELDS = (
    *("title", "summary", "body", "url", "source", "published", "language"),
    *("tags", "people", "organisations", "places"),
)
CSV_EXTRA = "extra"
CSV_IGNORE = "ignore"
#: domain.models.AnnotationKind's values
ANNOTATION_KINDS = ("comment", "rendering", "term")
#: services.merging.Prefer's values
PREFER = ("ask", "mine", "theirs")
#: services.glossary.FORMATS
GLOSSARY_FORMATS = ("tbx", "csv", "tsv")
#: formats.skos.FORMATS
SKOS_FORMATS = ("skos-turtle", "skos-rdfxml")
#: services.trash.KEEP_DAYS
TRASH_KEEP_DAYS = 30
#: The command line's names of domain.models.EntityKind's values
ENTITY_KINDS = {"org": "organisation", "person": "person", "place": "place"}
