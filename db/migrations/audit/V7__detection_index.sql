-- The alert rules read one actor's events of one action within a window (Detection.history). With the actor's
-- index alone, an actor with hundreds of thousands of reads made every export check scan them all; this index
-- takes the action too. (A plain CREATE INDEX: it holds writes to the audit log while it builds.)
CREATE INDEX access_event_actor_action ON audit.access_event (actor_id, action, occurred_at);
