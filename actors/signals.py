"""Signals of the actors app.

``contact_data_requested``: the Art. 15 DSGVO export of a contact person (services
.contact_export) asks the apps above for what else they hold on the person – e.g. the
coordination app's invitations to a Beteiligung (issue 18) – without importing them. Each
receiver gets ``contact`` and ``district`` and returns a dict of German keys to add.
"""

from django.dispatch import Signal

contact_data_requested = Signal()
