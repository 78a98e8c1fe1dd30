from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

# Full-text search, kept by the database itself. A post's document weighs its title (A) over its description and tags
# (B) over its text (C), in the 'english' configuration (stems: "databases" finds "database"; stop words ignored).
# Its tags live in post_tags, which a generated column cannot read: triggers keep the document, on the post (its
# title, description or text changed) and on post_tags (a tag added or removed), so every writer keeps it right, the
# actions and a bulk COPY alike, with no rule to remember. People are found by name and bio in the 'simple'
# configuration (names are not English words to stem), a generated column of the row. A search reads what its actor
# may see beyond the public posts from two small partial indexes: the archive (admins) and each author's unlisted
# posts (drafts and archived ones). The models cannot declare triggers, generated columns, GIN or partial indexes on
# conditions like these: the model state below is the previous migration's, unchanged.


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE FUNCTION "posts_search_document"(title TEXT, description TEXT, tags TEXT, body TEXT)
            RETURNS TSVECTOR LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $$
            SELECT setweight(to_tsvector('english', title), 'A')
                || setweight(to_tsvector('english', description || ' ' || tags), 'B')
                || setweight(to_tsvector('english', body), 'C') $$;
        CREATE FUNCTION "posts_search_tags"(post INT) RETURNS TEXT LANGUAGE SQL STABLE AS $$
            SELECT coalesce(string_agg(t."name", ' '), '') FROM "post_tags" pt JOIN "tags" t ON t."id" = pt."tag_id"
            WHERE pt."post_id" = post $$;
        CREATE FUNCTION "posts_search_keep"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
        BEGIN
            NEW."search" := posts_search_document(NEW."title", NEW."description", posts_search_tags(NEW."id"), NEW."body");
            RETURN NEW;
        END $$;
        CREATE FUNCTION "post_tags_search_keep"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE "posts" p SET "search" = posts_search_document(p."title", p."description", posts_search_tags(p."id"), p."body")
            WHERE p."id" IN (SELECT DISTINCT "post_id" FROM changed);
            RETURN NULL;
        END $$;
        ALTER TABLE "posts" ADD COLUMN "search" TSVECTOR;
        UPDATE "posts" p SET "search" = posts_search_document(p."title", p."description", posts_search_tags(p."id"), p."body");
        ALTER TABLE "posts" ALTER COLUMN "search" SET NOT NULL;
        CREATE TRIGGER "posts_search_keep" BEFORE INSERT OR UPDATE OF "title", "description", "body" ON "posts"
            FOR EACH ROW EXECUTE FUNCTION posts_search_keep();
        CREATE TRIGGER "post_tags_search_added" AFTER INSERT ON "post_tags" REFERENCING NEW TABLE AS changed
            FOR EACH STATEMENT EXECUTE FUNCTION post_tags_search_keep();
        CREATE TRIGGER "post_tags_search_removed" AFTER DELETE ON "post_tags" REFERENCING OLD TABLE AS changed
            FOR EACH STATEMENT EXECUTE FUNCTION post_tags_search_keep();
        CREATE INDEX "posts_search_idx" ON "posts" USING GIN ("search");
        CREATE INDEX "posts_archived_idx" ON "posts" ("id") WHERE "archived";
        CREATE INDEX "posts_unlisted_idx" ON "posts" ("author_id", "id") WHERE NOT ("status" = 'published' AND "archived" = false);
        ALTER TABLE "users" ADD COLUMN "search" TSVECTOR GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', "username"), 'A') || setweight(to_tsvector('simple', coalesce("bio", '')), 'B')
        ) STORED;
        CREATE INDEX "users_search_idx" ON "users" USING GIN ("search");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "users_search_idx";
        ALTER TABLE "users" DROP COLUMN IF EXISTS "search";
        DROP INDEX IF EXISTS "posts_unlisted_idx";
        DROP INDEX IF EXISTS "posts_archived_idx";
        DROP TRIGGER IF EXISTS "post_tags_search_removed" ON "post_tags";
        DROP TRIGGER IF EXISTS "post_tags_search_added" ON "post_tags";
        DROP TRIGGER IF EXISTS "posts_search_keep" ON "posts";
        ALTER TABLE "posts" DROP COLUMN IF EXISTS "search";
        DROP FUNCTION IF EXISTS "post_tags_search_keep"();
        DROP FUNCTION IF EXISTS "posts_search_keep"();
        DROP FUNCTION IF EXISTS "posts_search_tags"(INT);
        DROP FUNCTION IF EXISTS "posts_search_document"(TEXT, TEXT, TEXT, TEXT);"""


MODELS_STATE = (
    "eJztXf9T2zgW/1c0+aV0hnYgEOjB7c0ECNvcQtKDdLu37Y5RbCXR4khZWynN9Pq/n55sx9"
    "8dG5JgvP4JLOvJ9ntPTx+9L8r3xpQbxLTfXnLT5A+NE/S9wfCUyH8id3ZRA89mfjs0CDw0"
    "VdeR6qPa8NAWFtaFbB5h0yayySC2btGZoJxB5zunN7HukEWwYSMxIWjGbWEjPkLeXeMOUQ"
    "a3qIWcV6BsjEaEGKeIGoQJKhYnDimm1lt4tMF1+WzZbaNPmTP615xogo+JbLfksz5/bngP"
    "gw7e0I0//pBXlBnkG7FD3QyNGoGeFlyqzrN7bUSJaYTk4PaFdk0sZqrtjI67TFyqvvDlQ0"
    "3n5nzK/P6zhZhwtiSgTEDrmDBiYUHgCcKag3TY3DRdOXoCcz7R7+J8Q4DGICM8N0HGQO28"
    "gN/W0LRef6Dddgaa1ojJ36MICMtt0jkD3ZGvaisGjOEV3vyj2Tw4OG7uHRy9ax0eH7fe7b"
    "2TfdX7xm8d/3BexueWM5TiWffnbm8AL8SlgjqKCw0/FA0W2KFSovK5r0vtkfzSsIhL4ULe"
    "EXRKkuUQpozIw3BJ33r/RKXjySJLPF6DLx9/ym1DQDCx+sxcuIqRwftB97pzO2hff4DHTW"
    "37L1Pxrz3owJ2mal1EWneOXoeFtRwEfeoO3iO4RL/3ex3FXjmzx5Z6ot9v8HsD3gnPBdcY"
    "f9CwEdBhr9XjmuzpSz06UUNiT515EarVU/AlCNmZhc39w+PDdwdHh8vJt2zJmnPe/Ipx1n"
    "oUZ62as2HOwqIxuk80XKElKcTlS24ROma/kIVidle+FWY6SWCsCwE+2s4wL4zBPzwt8lr9"
    "yW/hh+VKG1Uu+f3yq4lQHDhv3563LzqNROtQszYna41M1oISD7F+/4AtQwtpM9zhTR5pWf"
    "aN35o2p9EWzPBYMQi+BN7b5fwtsW3nq2OQ17uViXltp1NO0NtGttQLYryRcHNoSaxMLMQt"
    "pJtUgsxTxOUqijCaYHsC8JRKlCr4PWGI2sgWUqmMOMJdz5AJcDYCW2tgWkpgqoSpgXjjUj"
    "ifYCtZBmGqiCzkRz7GFj2vMKb4m2YSNhYTeXl0mMHnX9s35+/bNztHhxFg2XPvNNWtMF6p"
    "8X8666uL/+d2UYQaoKjR6Wp0OrdrZLoaPgWUqlTQScqoyy4xNeeWK/Qoggr3yAZSsq9GmT"
    "YK9l4JqG6ILmEOAiJiKCQkcZDy7XFGENZ1Ppe3JR6CSwcTITn/5fj2CXqYYOHRIDGxuBAm"
    "OP4UkR2HWpt82Bf2RSr8TIAj8oNjxW7/c4VsLvtKQvKVWAs0s7guB4MnYmSQmckXU3iIM4"
    "ZyUNpSAsjjYbqn0tb5TE2oe7KIeShrqFdKqLeUWV6UtyRYD8B77qUoBPH2j3JAvP0odvAh"
    "HtwKQzyYCQWY63avIGubR3s5eCt7pTJX3Ys4/AJmPa+3L0BSg6kEJ6qJbaE5q9EjNiZx6u"
    "1sTrZpuF/IXsRjUmwzEoPOz4P0FL5OwHce7k5HdQBdc0K5Wz4lAJweJhzpmCmsJNHQMgJL"
    "iURRMB68BMLMQOTNVKovwhZBjr7FIdu6Bl2zf+zvgpieaOrSsZAnsiIrdpCmci6vg2aONf"
    "ugmbpkw63w6kJgHhTh75KgcsxttvI4FGWvdETUirkUZ9i2H7g0zUWdtzHCKmLQvVwYdC8D"
    "g+7FMKjFzRSD0WHzaczXFGK6R7s9XjemZDp01tcC/G60e/3ef6/7H29P5HLG2WLK5/YXdt"
    "25PuvcnCBnTHndv+jctAd9aJKrtnx3LlvbF9fdnqQzppRFl9Ln2ZQNKY9LbEC+pSyfbvdH"
    "Cck1L2WZD1nQtfPbIIRaPQ7uXLd/ex1Crlf93s9e9wDHz6/6ZxFO06nEfkXM0JKgCtwO63"
    "Erl/VpZVifVtz6DDFjSckCZ1yaFsxSFHpJFOHyUFJtyvIsW7ar1mf9/lVIrc+6Ub39CFZs"
    "Z1+xXXaiIuQ6i/Jaswi2nQB+XqWOEVZPuQ9yKfdBhnIfxJW7jo+mc7/C8dGZ8UiphylrqZ"
    "dF6gmeKPX2BRxR8dzDBKfvmUt6+csNMbGgicY2VnrwwnQgLb6bkEUIw9RMSmVSMMvu8TwK"
    "JPRVkUk6n0I0+IlMOndGqSqTRvgrtyRufKpNcoepKptUidTTWARZDFVlD+OCjqiuOPBENv"
    "UCQ1WJXZuMR3k2KiEkFTBf6VGpoKXMk7QNWI5Yr2zkEiLOEEaz+dCk9oQYqqAwKTM7N93q"
    "8NJnNSXdLLDChYJ1vOmJ8aYhNxKyQzIckW7/Srjmt+2KrJ0J6Xr+MreVtTPh7yj1NGdCUO"
    "ry3oQXTLIP0dSZYQn+7wBWyMnTAEXN0dWFCzN3c/PEwoWK7ZF2I4ULAaVaXU7rzOo1MLXi"
    "1SAh61emepClTyTp+JiAvyTjAJmgcybPxgxSuhBQzYHMgM2VVLl8R8MUpk4spPAqmJRBiB"
    "/1EpgBXhVPfcRLOcsr6l1H1fBnnl1HjZTWjT3rotm6aLYEMGll0WzUCtRw/slw/nlwp+J6"
    "Aub0pJGON5dRrjxYEzqjB4kUBZyewtA1tu4N/sBO0d1XYkFg+c4rxIVTVohBk2qIHzkOlA"
    "ff2eZ8fIfgK+EW0JqU3dsnaIoNgkYWnyrAKqGrCRUvhC1PO4TTXkbUkv8sgw+7iEFRMdIn"
    "mI0B/I4EsU6hrtiS/35hquz4AdtuNz9oMYE2qKnZUYfJqIepw2SoaTqjyU99nTOs8b3hC7"
    "mxfIaLpAAsyz/k28zy4v/uCK6kXXX2ZmFDdZaChAv06X3npiNfC4u5jX5Cr5ajv0Lt3gXC"
    "lj6hX+X3/OSI3DEIgbcJe5me+9Ui7+PQ1lGg7UaBYALG2ZpRgO32X0sSaYnqYfabeVJIZa"
    "/0TP9mLIVUWZIi3F0SVCLItoX6l+CbFeBzhGyLFTCNrfB6IwnRdcB4iwFjdzVM1OnVpV0+"
    "9RZVW6GsgvrduLhpXw5OPIT24ePZVff2fefixEdnUbyZy5qvvWrLAzAJ7sysYpcgWV3uUq"
    "Dcxd03FEB8AYrtuVz2Sw37At6ACNgv4guO0q7BG1yyaqIX4vxNSD6Ie39rn3/6pKquz7/O"
    "NKqa1OtMo5LEJuokjqcmcdxIPb/png+yvOl1zU9d87OZmh9N4PEa6n4GeFwlLm06egXsSg"
    "lguZzMjmEtpZY7jkVtJGkg7vNAxQRhuMqbNlV8gMTMKS/mKgkTEqdkq7fsulHHOm+qnHlT"
    "dQbNuv0Pvu7nZGhgstT8rHO3t5+7LXBCXLQwR6uFGqIM9SdpmZJnUqDHSthRBHEIPqP6qZ"
    "u4AgerMm5NsUltiR521AkhSMdACqca2uhPTpm8M1ygV29evU5CIE8fsD7PtVyZFUXPcq3u"
    "Oa75YtEZoejXSatfHl9Cvf9LseQb3f+Fzn9IsMTR8yHSTXLsUIrVtrnPiNypqR875ha6g5"
    "zZO2ldkU2I/4vIQ2Kap+gOPMN3iMsVHNoXaIK/EsRnBEwrTTj+YM1j5zkiIZDzW28YS7th"
    "vJcfn2zrV+dqeLRlTpNpnPevrzu9wYl37McXdtm/uup/ksOrU7rkdfvX/k130DlBnm9yeS"
    "QvpHO4R/KWJp1DF9zSii7RYaoyC+yxS/Xaj1xXK3DRJNMQUfWOK91IrqkDdYomnIapqsfq"
    "DSWdioK/I+BTVI/FG8k1BfSUAGiyUu08kjrNrkCaXZ0tlK7lLzNvpP4R2BL44+t61rXUsz"
    "6P/7g9N6joMGEtGgnOi8Dd3SzXBYZ+mtwqWTTv4R999ZOrcLWLsKqHhGJF2HFBZaWR7I9Y"
    "RZDHyWARHX58R2kfCMm5rP0NpfU3OBvRYnl/AZJHmfCygdA1R6hrj8CWPAKOwSrI5A0X6j"
    "1fcOQwz+bpMH3vdJiwdQoZ87xMjpBVUJVzeV0ynC5xn4u/UBZaC0NkFbLFW1kUA3tXdcxD"
    "Qmjv37f9Xsqm1SeJ7lipLtD/kEk3lwHT+OdozpQpQ8M5NQVl9lt47L8am8XhSRwGFoU2q7"
    "Ga1Wh56m54FwoDvOxDjrdq86vlSygQi9/oRo1YVJ80kjZpzp3dzA2a32fVzixdznXSTbmS"
    "blLLhtOBT3rdcCVAT6uVB/W0Whm/89uKQXg5qYrgd6d7Bbm7nyv2sZ8R+9hP+OFBzoRbup"
    "Qb1/gk28c1m/ckbhTBPOti9uP/B5v0iw=="
)
