"""An officer's day: the Today page (what is due and waiting, each with a link to act on
it), the search for a member or a case, and the menu each role sees in the header.

It stands above every domain app, as it reads from all of them and changes none.
"""
