"""The code editor's pure core: a code of conduct changed on forms, with no TOML in sight.

- :mod:`.catalogue`: every setting a landlord may change, as :class:`Part` forms grouped
  as the rulebook is (``PARTS``, ``part(slug)``), and the keys no form changes, with why.
  Its entries are declared in :mod:`.entries`, the breach ladder's parts in
  :mod:`.catalogue_breach`, the plain words of fixed vocabularies in :mod:`.words`.
- :mod:`.document`: a draft's text as a tomlkit document: ``parse``, ``values``,
  ``with_values``, ``to_toml``, ``choices_for``, ``problem_target``; reading and writing
  are done by :mod:`.reading` and :mod:`.writing`.
- :mod:`.differences`: what one text changes from another, in words.
- :mod:`.form_words`: the loader's problems in a form user's words (uploads keep the
  file's).
- :mod:`.version_names`: the name suggested for a draft started from a published version.

Nothing here validates: a written text is checked by the loader, as any file is. Like
the ``policy`` package, this ``__init__`` imports nothing.
"""
