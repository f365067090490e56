"""The attack suite (issue 20): a hostile or unlucky user's attacks, kept as tests."""
