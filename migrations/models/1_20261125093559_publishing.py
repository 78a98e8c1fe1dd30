from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


# Edited by hand: the columns added NOT NULL to tables that may hold rows (comments.updated_at, posts.slug)
# are filled in before the constraint is set.
async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_posts_status_b090ca";
        CREATE TABLE IF NOT EXISTS "tags" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(30) NOT NULL UNIQUE
);
COMMENT ON TABLE "tags" IS 'A topic; names are normalised (lower case, words joined by ''-'').';
        CREATE TABLE IF NOT EXISTS "follows" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "followed_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    "follower_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_follows_followe_fa2a56" UNIQUE ("follower_id", "followed_id")
);
CREATE INDEX IF NOT EXISTS "idx_follows_followe_6f1784" ON "follows" ("followed_id", "follower_id");
COMMENT ON TABLE "follows" IS '`follower` reads the posts of `followed` in their Following feed; identity: the pair.';
        CREATE TABLE IF NOT EXISTS "favorites" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "post_id" INT NOT NULL REFERENCES "posts" ("id") ON DELETE CASCADE,
    "user_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_favorites_user_id_240dd6" UNIQUE ("user_id", "post_id")
);
CREATE INDEX IF NOT EXISTS "idx_favorites_post_id_161565" ON "favorites" ("post_id", "user_id");
COMMENT ON TABLE "favorites" IS 'A user favourited a post; identity: the pair.';
        CREATE TABLE IF NOT EXISTS "post_tags" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "post_id" INT NOT NULL REFERENCES "posts" ("id") ON DELETE CASCADE,
    "tag_id" INT NOT NULL REFERENCES "tags" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_post_tags_post_id_a55919" UNIQUE ("post_id", "tag_id")
);
CREATE INDEX IF NOT EXISTS "idx_post_tags_tag_id_e8aa60" ON "post_tags" ("tag_id", "post_id");
COMMENT ON TABLE "post_tags" IS 'A post is tagged with a tag; identity: the pair.';
        CREATE TABLE IF NOT EXISTS "notifications" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "actor_name" VARCHAR(32) NOT NULL,
    "post_slug" VARCHAR(120),
    "post_title" VARCHAR(200),
    "read" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "user_id" INT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_notificatio_user_id_bf5d2b" ON "notifications" ("user_id", "id");
COMMENT ON COLUMN "notifications"."kind" IS 'COMMENT: comment\nFOLLOW: follow\nFAVORITE: favorite';
COMMENT ON TABLE "notifications" IS 'One thing for `user` to see in their bell; `read` once they have opened it.';
        ALTER TABLE "users" ADD "image" VARCHAR(500);
        ALTER TABLE "users" ADD "bio" TEXT;
        ALTER TABLE "comments" ADD "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now();
        UPDATE "comments" SET "updated_at" = "created_at";
        ALTER TABLE "comments" ALTER COLUMN "updated_at" DROP DEFAULT;
        ALTER TABLE "posts" ADD "description" VARCHAR(300) NOT NULL DEFAULT '';
        ALTER TABLE "posts" ADD "version" INT NOT NULL DEFAULT 1;
        ALTER TABLE "posts" ADD "slug" VARCHAR(120);
        UPDATE "posts" SET "slug" = trim(BOTH '-' FROM left(lower(regexp_replace("title", '[^a-zA-Z0-9]+', '-', 'g')), 100)) || '-' || "id";
        ALTER TABLE "posts" ALTER COLUMN "slug" SET NOT NULL;
        ALTER TABLE "posts" ADD CONSTRAINT "posts_slug_key" UNIQUE ("slug");
        ALTER TABLE "posts" ADD "archived" BOOL NOT NULL DEFAULT False;
        CREATE INDEX IF NOT EXISTS "idx_posts_author__844e35" ON "posts" ("author_id", "published_at", "id") WHERE status = 'published' AND archived = false;
        CREATE INDEX IF NOT EXISTS "idx_posts_author__aeee8d" ON "posts" ("author_id", "status");
        CREATE INDEX IF NOT EXISTS "idx_posts_publish_328970" ON "posts" ("published_at", "id") WHERE status = 'published' AND archived = false;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "posts" DROP CONSTRAINT IF EXISTS "posts_slug_key";
        DROP INDEX IF EXISTS "idx_posts_publish_328970";
        DROP INDEX IF EXISTS "idx_posts_author__aeee8d";
        DROP INDEX IF EXISTS "idx_posts_author__844e35";
        ALTER TABLE "posts" DROP COLUMN "description";
        ALTER TABLE "posts" DROP COLUMN "version";
        ALTER TABLE "posts" DROP COLUMN "slug";
        ALTER TABLE "posts" DROP COLUMN "archived";
        ALTER TABLE "users" DROP COLUMN "image";
        ALTER TABLE "users" DROP COLUMN "bio";
        ALTER TABLE "comments" DROP COLUMN "updated_at";
        DROP TABLE IF EXISTS "tags";
        DROP TABLE IF EXISTS "notifications";
        DROP TABLE IF EXISTS "favorites";
        DROP TABLE IF EXISTS "post_tags";
        DROP TABLE IF EXISTS "follows";
        CREATE INDEX IF NOT EXISTS "idx_posts_status_b090ca" ON "posts" ("status", "published_at", "id");"""


MODELS_STATE = (
    "eJztXWtz2jgX/isaf0k6k3YSEpK+ye7OkIRseTdAh9Dt7rY7IGwB2hiJtUUp0+1/X0m28R"
    "3scInj1Zc2lnRk+Tm6POfoSHzTJtRApv3mjpomnWuX4JtG4ATxPyI5R0CD06mfLhIYHJiy"
    "6FCWkWlwYDML6ownD6FpI55kIFu38JRhSkThvlMaWX1gIWjYgI0RmFKb2YAOgZdr9AEmIg"
    "tbwGkCJiMwRMi4AthAhGG2uHREIbbeiFcbVOfv5sV2+pYZwX/PUI/REeLpFn/Xp0+a9zJR"
    "wKta+/NP/oSJgb4iO1TM6GEjUNISj7Lw9LE3xMg0Qnpwy4r0HltMZdo1HjUIu5NlxZcPej"
    "o1ZxPil58u2JiSpQAmTKSOEEEWZEi8gVkzoR0yM01Xj57CnE/0izjfEJAx0BDOTKFjIe00"
    "wE/Ter1Wu9t7qHd7PS2mf08ioCw3SadE9B3eVFsCMBJNeP2/SuX09KJyfHr+tnp2cVF9e/"
    "yWl5XtjWddfHca46PlVCUxa/zcaHVFgyjvoE7HFQnfpQxk0JGSqvLR13nv4Xj1IItr4Zbn"
    "MDxByXoIS0b0Ybiib7w/otrxdLFKPV6Crx9/yO1DQWJgtYm5cDvGCuy7jWb9oVtrvhevm9"
    "j236bEr9ati5yKTF1EUg/PX4WVtawEfGx03wHxCP5ot+oSXj6yR5Z8o1+u+4cm2gRnjPYI"
    "nfegEejDXqqHGi/paz06UENqTx15Ean1Q/AlKNkZhZWTs4uzt6fnZ8vBt0xZNea88RVD1n"
    "oSspZCNoysWDSGj4kTV2hJCqF8Ry2ER+QXtJBgN3irINFRArAuBfhgO9W8MIC/e73IS/UH"
    "vwXny5U22rn49/OvRkwicFN7uKnd1rXE2UFBmxFaYyW0ohMPoP44h5bRC/VmkUMrNJKyLB"
    "vPmlQm0RRI4EgCJL5EtNtF/gHZtvPVMcrrZa3kvLZTKCPprQGb9wtkvOZ0c2BxrowsQC2g"
    "m5iTzCtA+SoKIBhDeyzoKeYsldFHRAC2gc14pzLiDHc7VSbQ2QhtVcS0kMRUKrMn1BvXws"
    "0YWsk6CEtFdME/8ilz0fMqYwK/9kxERmzMH8/PVuD8a61z867WOTw/ixDLlptTkVlhvqL4"
    "fzr05eX/MzsvQw1IKHa6np3ObMVM19OnQKcqEnWSqCfwJk8b6aRJfFBGxvRAJ4gSBOZjCn"
    "RIJNkBmCz9chjZl0DUJxoBIDEAej2B2ATQQsBRdJwzbavSLbOm/wpl2tCLkE6GPJXloUJB"
    "mdIRodNKBiJ0WkklQiIrTISQGAd58F0KlA7cSjULzeSlUuGVeWF8p9C255RPzXkpfUxwO3"
    "g/N/8II358nAXx4+N0xEVeGHGLmikTRp3MJjEGEgLdk90f1toETQbO+poDb63Ward+b7Y/"
    "PFzy5YySxYTO7M+kWW9e1zuXwKmTP7dv651aty2S+KrN2055au222WhxOWOCSXQpzaK1k/"
    "MMSjuJ0nxfZyIrrLIBpnGNddHXlOXTLf4kJbnTS1HGwyrjqv5bN2RXeQgeNmu/vQrZVvft"
    "1s9e8QDiN/ft6wjSeMK5X55paClQBrTD/biaafaprph9qvHZRzkW0tEvsWNhajxR62FJpf"
    "WiaN3DKKB22fqY8yPdVo9v2tkJnnVX9O6XDjIhc/cnkt0ifszOC+sDaY6RhO03UY0CKRWk"
    "4PbU0zEK7ISVESSdTiZICGwE0o1TS1lBGsIv1MIMbTonudWUFSYZW7gZRO95FWWFh1CGh1"
    "iXCGwIUytQVZng2qXL3pujErz2gekr3XEfnCmzRDsILoesAxu4goASAMF0NjCxPUaGjMRN"
    "CmnILLfeA/9JDkl3+yR3hK1yyW/okh9QY5HLV+OWL4X3ct/eGuVMSO/nL9OsVM6E/6LW05"
    "wJQa3zvDHNGZ0SklHxKQlx6QGukBHTgIRCdH3Ez9Q1bjaM+CmZjXQUifgJdKr1cejOqN4C"
    "qCUPowrNfkUKpFr6RJLOXQb8JStOXgadM1kMMxH1AoTUTIgZwrjiXS7bmcrc0olnJb3QPz"
    "khxM9IBkaAF/6mzkYWMwRdWR1l459ZrA7FlLbNPVW0uYo2LwBNWhttHp0FFJ3fmM4/D++U"
    "qCdwTk8b6XxzucuVhWuKwmDOmSITxw4JaELr0aBzcgX6tjkb9YF4vQ0wE5kmJo+2DLkn6A"
    "tnmfoYkhGyeVn+JDah+0CnM46/PMqIDP5vEkPdyzvXbz5803xVaMvtC5fvCErL/0Nfp5a3"
    "S+/W4OrD7XTeWNFkYQ63eAAf39U7dcAHFpvZ4EdwsKz9ANRatwBa+hh/4dz8R0cxzrANtC"
    "bsC3rupkXa48iqvZr97tWIkRGHNT3W0ytfusj+k0qWSE9eKj1muRKL9OSGcVqgecohXU+g"
    "FHthe4jkD7YsB84RsT3G8mt7wfo0E9anK7A+jWOt9nX3uK/rLoeJfXr9IRVfeo9d27DgkO"
    "Xs39ptp3bXvQRS9jN5/+H6vvHwrn576Ud+RKne85w/8RhMgteRUhNBkrL9FhCLqGLA5Xal"
    "i2XKfkfCdbt9HxoJ141oV/8gjh8dnkjkeSHHBZ7gGXFpeA7KF5DYn2fkpNC8L2C0R9h+Hp"
    "dtVHYLTtuCHfp5IT7ahBiBuJNWuebTB1V5XfMqIKhsWlcBQQXZQlCxFpvGWnR4P+80brqr"
    "nN7qaI46mrObozk9BkdbOJ7ThaMyobTrTSYBV8o+k4vk6q2mpdYybzdhG3AZ3iAwx2wMoH"
    "jKGt2Uv4LEACdva5QLJsQ38VRv2XU3B1V4UzHDm1Sgy7b9D37fzwhoYLAoPFWI9f5DrBlM"
    "2BjNjWi5WEMUUH+QFinGJYV6rKUdeRgHo1OsX7khJeKKSEKtCTSxzdnDobzIA+hQiIr72W"
    "zwF8WE5wwW4OD1waskBrJ5hepmymKFVuS9lbK8N1Jm24tesRX9Kmn1y+JLUPZfyky+U/sv"
    "dE1DwkwcvcYhfUqO3R2xfm5uE8QtNfljXtQCfRHa2uezK7AR8n/xa4BM8wr0hWe4DyhfwU"
    "X6AozhFwToFImpFSfcUrDlurPcZBAIzVUGY2ENxkf+8clz/fpYDU+2yGEy2k272ay3upfe"
    "7RyfyV37/r79kVcvL9Piz7Vf251Gt34JhgGnYgECN3RGrV7exTgsVWTVPHVR3vo10XKtzR"
    "tPGhIq3/2hO4kqdUhN3tDSsFT5oN7NRdF8EU9YV1dFfHkiKtorR7SXClpJ7+UvM3xB/dZO"
    "AdzC6vTjVk4/Po8bszYzMKsTZi20BBs6kHu0yoKGolyPM3YLZ70qQli5vAB/OgJQHpibQ+"
    "daPnG2LuH3CLMIZLF1LaSLX7OQvU8oyXlUZm9hzV7HSsoXfhYQedIUXjQSuuWNUmWu7slc"
    "dSasnCDv+LzY8/noz7IYT2fpttNZgukUmsyzghwRK2FXzuQSWOERiDsE/IUy11oYEivRXL"
    "yXRTFguzpXB8Sx//9Du5VitPoiUYsV6wz8A0y8u0AM7YfhjMipDAxm2GSY2G/Ea3/SdsvD"
    "kxAWEIWM1djRyegpyaOwFSoqeNlX4u51zi+XLyHHlvBODTVkYX2sJRlpTs7RSgPNL7POMk"
    "vXs4r9KFbsR+rp1XTik358tRSkp1rNwnqq1RU/nFmNUXg+qPLwd6d4CdE9ybT3cbJi7+Mk"
    "4WfqKGHuCZrMvMYX2T+v2b0ncacM5lkXs+//AkmAQrg="
)
