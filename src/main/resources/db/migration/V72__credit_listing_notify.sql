-- Issue 15: the evaluate API keeps the credit registry's answers briefly (DatabaseCreditRegistry /
-- CreditCache). Every change to the lists, however it is made (an import, SQL by hand), tells the
-- listening nodes to forget them; the notification is delivered when the change commits.
CREATE FUNCTION credit_listing_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('credit_listing_changed', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER credit_listing_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credit_listing
    FOR EACH STATEMENT EXECUTE FUNCTION credit_listing_changed();
