"""The organisations pages, one module per audience: public, officer (officer_<topic> when
one module would grow too long), portal, participant; see DEVELOPERS.md "Layout"."""
