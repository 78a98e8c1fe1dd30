from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "users" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "username" VARCHAR(32) NOT NULL UNIQUE,
    "email" VARCHAR(254) NOT NULL UNIQUE,
    "password_hash" VARCHAR(200) NOT NULL,
    "role" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "users"."role" IS 'ANONYMOUS: anonymous\nMEMBER: member\nMODERATOR: moderator\nADMIN: admin';
COMMENT ON TABLE "users" IS 'Someone who can sign in; identities: username and e-mail are unique.';
CREATE TABLE IF NOT EXISTS "sessions" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "user_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "sessions" IS 'A signed-in browser or client; only a hash of its token is stored.';
CREATE TABLE IF NOT EXISTS "posts" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "published_at" TIMESTAMPTZ,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "author_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_posts_status_b090ca" ON "posts" ("status", "published_at", "id");
COMMENT ON COLUMN "posts"."status" IS 'DRAFT: draft\nPUBLISHED: published';
COMMENT ON TABLE "posts" IS 'A post written in Markdown.';
CREATE TABLE IF NOT EXISTS "comments" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "author_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "post_id" INT NOT NULL REFERENCES "posts" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_comments_post_id_ecfb9d" ON "comments" ("post_id", "id");
COMMENT ON TABLE "comments" IS 'A reader''s comment on a published post.';
CREATE TABLE IF NOT EXISTS "audit_entries" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "actor_id" INT,
    "actor_name" VARCHAR(32) NOT NULL,
    "action" VARCHAR(40) NOT NULL,
    "record_type" VARCHAR(20) NOT NULL,
    "record_id" BIGINT,
    "changes" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_audit_entri_action_7b2c7c" ON "audit_entries" ("action");
CREATE INDEX IF NOT EXISTS "idx_audit_entri_created_a88510" ON "audit_entries" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_audit_entri_record__fa8a51" ON "audit_entries" ("record_type", "record_id");
COMMENT ON TABLE "audit_entries" IS 'One action, as it was committed.';
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztW21z2jgQ/isaf7l2JskkBJJcenMzJCEt1wIdIHe9voxHYAGa2BK15KNML//9JNnG78"
    "ROCCE+f8nEK60sP7usnt21f2oWNZDJDgaIMUyJdg5+agRaSPwTH9oDGpzPgwEp4HBkqrnM"
    "naSEcMS4DcdcyCfQZEiIDMTGNp5z9xZaEzA8JcjYxwSMbLpgyAbUBmMTI8LfAErMJYBgBt"
    "kM0AnAnAFObxEBmAHGqY2MA3kfg47FjTCZbm5Jh+DvDtI5nSI+Q7ZY+Ms3IcbEQD8Q8y/n"
    "t/oEI9OIoIUNuYCS63w5V7ILPG0Tfq3myg2P9DE1HYsE8+dLPqNkpYAJl9IpIsiGHMk7cN"
    "uRCBLHND2wfVDdzQZT3F2GdAw0gY4p7SC13Q0EMk3Xu72hPmgNdV1L2MjXCGHsicbCzMK+"
    "YqtMATCVW9j/tVY7Pj6tHR6fnDXqp6eNs8MzMVftNzl0euduJkDLXUph1n7b7g7lhqhwIt"
    "e7pOBO6UAOXS1ljAB9ZUxdmjdphcsZtNNtENWK2UI8ZNwWPvK7awwL/tBNRKZ8Ji5P6mtw"
    "/rPZv3zX7L86qb+Ogt31RmpqSMIewDy2kYRChzwJ85UY4dhC6VBHNWNQG57qgf/PQ4D3BQ"
    "HyQfTZBvTiAY2eCDOeyddAP2x3WoNhs/NR3s5i7Lup8GsOW3KkpqTLmPTVScxMq0XAX+3h"
    "OyAvwedet6XgpYxPbXXHYN7wsyb3BB1OdUIXOjRC3ulLfdQiVndEMNXT4ltmcAtp3B/hXo"
    "Jx3SBXO6qf1s+OT+qr2LaSrAtpbviSJ8fkNjV6SbiS6F6LY0mcae/RUoHcFjuCZIxSQPVO"
    "6htvmRcG7p3vPb40cEsbLlZHbdipxLOLJ0bcje/NwWXzqqUphEdwfLuAtqFHoJYjtEZjkt"
    "Xc5JBVs+ISSOBUgSOfQu45jHoKb/KtkU2a5APlZEwDaiFKEFjMKBhDosgOwOQNwIbgN5hj"
    "xM6BXE9uAkBiALRvQWwCaCPgGjrJmTa16IZZ0/+FMj0qmqwjQ77JilChsE7piNBxLQcROq"
    "5lEiE5FCVCSP4OiuC7UigduLVGHpopZmXCq8ai+M4hYwsqQnNRSp9Q3Azez80/oogfHuZB"
    "/PAwG3E5FkXcpmZGwGgRx0owkAjovu72sNYsZI3c87UA3lqz2+v+3endDM7FcUbJ0qIO+0"
    "o6rc5Fq38O3DXFde+q1W8Oe1IkTm2xdyqkzatOuyv0DAuT+FGax2pHJzmMdhSn+YHN5FCV"
    "jVXZmDM3Hmj1qGZl9V2xuo9RyOxq94mMMTvBCdwjXImNVSM9zev3fWRC7tV001PJUNH3hf"
    "lAVjYZjZzUspBUeBRIl+4qZQVJevAjEfooligTPE9ZR/C9KaWUEHK07GpC2KfztGBkrET2"
    "Lwx4ioASAMHcGZmYzZABpPnT+iy59e4vC3xRPubVdMTfb1WdYJt1ghE1lklYh+hHBq7+/F"
    "KkVOu4QevTMEILfBL+qtP89DpCDT70um/96SHSfvmhd1GR9ZLTtjxkXQzOaMHmSUSnap+s"
    "AlmUmRTDNKRRIXp/Q2ru8bZHNqRKRv/2Yg2pkFOlN6SSkaDq8t0HaiT67VKfTzlzCjn3nT"
    "ybma8SqTy0XE4GCxtzLt9OIqAD7VuDLkgaFV87Nw/9Fr7GHbW1FX/3aEbFxrfNxjnmWRX4"
    "jLeXfIVS8PEttDiqfGeL+U4QWh7SUQoFpu31lAwbTnjRltJVv3k9PAdK9yv5eHPxoT1417"
    "o6Dyoiu9Esigf4IhloXHcDOagXuV/Cr2OHUs6UTkEy56wqDdk/svJWGqq2YNmsntUWrOpL"
    "W66GVKn7Y1P3vvDzfvtyuC53r7qzz9p+bDoG5i3C7aWWUuQIje6tK3VAOU8XsNsY5Sx59A"
    "gCYoK42gOQAczBArrNRVnXSPnUK49CnuKHjcbyRUHlNtKV3cvChY/qIy85to2PvITRC591"
    "IZUHHXU7lqdsupPi4lP0ZfGoVinKI0/9wrgbsAqCnH6+bQzg53tnvJ6nulfPLu7Vk68vR4"
    "N5XpBjaiV05Vq+QuqaOmoG1EXPwohaiWLxVg7FEDmeQTJFKdz4j0Gvm1HWCVTi2T0ec/Av"
    "MPHT9Wm13yYOUaEMjBxsckzYgbzt7wULrZso5UmI1he64zXtvWjGLhd42S/2bDXmv8y6S1"
    "a1rcDr2E+aqCEbj2daWpLmjuytTdCCOfdlZtl2rj743K3W8T/IZgXZZUiljKSn0cj1TWJj"
    "zTeJjQSFFz+qIvzdnV5CdI9yNeeP1jTnj5LNeXFH7pXrcvOaQGX7vOZ5mpEbYzDPepjd/Q"
    "dOEtlv"
)
