"""What a reviewer of a bilingual text catches, as checks with file:line messages: spelling in
both languages (Hunspell), typography (quotes, apostrophes, ellipses), checklist craft and
translation drift in a pull request. Pure Python, no MkDocs: `make review` and the tests in
tests/unit/test_review_*.py run them over docs/ (see README.md here)."""
