"""Keep ``Actor.search_text`` current (issue 16) on every write path: services, admin, loader.

Signals rather than service calls, because actors, offers, types, municipalities,
Handlungsfelder and Zielgruppen are written from several apps and the admin. Raw saves (fixtures,
a restored backup) bring their own stored text.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from .models import Actor, ActorType, Offer
from .search import refresh_search_texts


def _refresh(**lookup) -> None:
    refresh_search_texts(Actor.objects.filter(**lookup))


@receiver(post_save, sender=Actor, dispatch_uid="actor_search_text")
def actor_saved(sender, instance: Actor, raw: bool = False, **kwargs):
    if not raw:
        _refresh(pk=instance.pk)


@receiver(post_save, sender=Offer, dispatch_uid="offer_search_text")
@receiver(post_delete, sender=Offer, dispatch_uid="offer_deleted_search_text")
def offer_changed(sender, instance: Offer, raw: bool = False, **kwargs):
    if not raw:
        _refresh(pk=instance.actor_id)


@receiver(post_save, sender=ActorType, dispatch_uid="actortype_search_text")
def actor_type_saved(sender, instance: ActorType, raw: bool = False, created=False, **kwargs):
    if not (raw or created):
        _refresh(type=instance)


# Lazy senders ("app.Model"): the names of municipalities, Handlungsfelder and Zielgruppen are
# part of the text, but actors never import the app that owns them for this.
@receiver(post_save, sender="districts.Municipality", dispatch_uid="municipality_search_text")
def municipality_saved(sender, instance, raw: bool = False, created=False, **kwargs):
    if not (raw or created):
        _refresh(municipality=instance)


@receiver(post_save, sender="concepts.FieldOfAction", dispatch_uid="field_search_text")
def field_of_action_saved(sender, instance, raw: bool = False, created=False, **kwargs):
    if not (raw or created):
        _refresh(fields_of_action=instance)


@receiver(post_save, sender="concepts.TargetGroup", dispatch_uid="group_search_text")
def target_group_saved(sender, instance, raw: bool = False, created=False, **kwargs):
    if not (raw or created):
        _refresh(target_groups=instance)


# A deleted Handlungsfeld or Zielgruppe takes its links along without m2m_changed: remember
# the actors before, refresh them after.
@receiver(pre_delete, sender="concepts.FieldOfAction", dispatch_uid="field_delete_search_text")
@receiver(pre_delete, sender="concepts.TargetGroup", dispatch_uid="group_delete_search_text")
def linked_name_deleting(sender, instance, **kwargs):
    instance._search_text_actor_ids = list(instance.actors.values_list("pk", flat=True))


@receiver(post_delete, sender="concepts.FieldOfAction", dispatch_uid="field_deleted_search_text")
@receiver(post_delete, sender="concepts.TargetGroup", dispatch_uid="group_deleted_search_text")
def linked_name_deleted(sender, instance, **kwargs):
    ids = getattr(instance, "_search_text_actor_ids", None)
    if ids:
        _refresh(pk__in=ids)


@receiver(m2m_changed, sender=Actor.fields_of_action.through, dispatch_uid="fields_search_text")
@receiver(m2m_changed, sender=Actor.target_groups.through, dispatch_uid="groups_search_text")
def actor_links_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs):
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            _refresh(pk=instance.pk)
        return
    # From the Handlungsfeld's or Zielgruppe's side: pk_set are actors; a clear names none.
    if action == "pre_clear":
        instance._search_text_actor_ids = list(instance.actors.values_list("pk", flat=True))
    elif action in ("post_add", "post_remove") and pk_set:
        _refresh(pk__in=pk_set)
    elif action == "post_clear":
        _refresh(pk__in=getattr(instance, "_search_text_actor_ids", []))
