"""Search: text normalisation for Chinese and English, the query language,
and query execution over the store. No Qt here."""
