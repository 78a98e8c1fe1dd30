from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

# Usernames are one account whatever their case (checked before inserting): this index makes that hold when two
# sign-ups race, as the e-mail's unique constraint does (addresses are stored lower-cased). The models cannot
# declare an index on an expression, so the model state below is the previous migration's, unchanged.


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE UNIQUE INDEX IF NOT EXISTS "users_username_lower_key" ON "users" (lower("username"));"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "users_username_lower_key";"""


MODELS_STATE = (
    "eJztXW1z2rgW/isaf2k6k3YSEpLe5O6dIQnZcjdAh9Dt3m13jLAF6MZIrC1KmW7/+0qyjd"
    "/BToA4Xn1pY0lHlp+jl0dH54jv2pSayHLe3lLLogvtAnzXCJwi/kcs5xBocDYL0kUCg0NL"
    "Fh3JMjINDh1mQ4Px5BG0HMSTTOQYNp4xTIkoPHBLI3sAbARNB7AJAjPqMAfQEfBzzQHARG"
    "RhG7hNwGQMRgiZlwCbiDDMlheuKMT2W/Fqkxr83bzYTt8yJ/jPOdIZHSOebvN3ff6s+S8T"
    "BfyqtT/+4E+YmOgbciLFTB2boZK2eJSFZw/6CCPLjOjBKyvSdbacybQrPG4RdivLii8f6g"
    "a15lMSlJ8t2YSSlQAmTKSOEUE2ZEi8gdlzoR0ytyxPj77C3E8MirjfEJIx0QjOLaFjIe02"
    "IEjTdL3T7ev3zb6uawn9+xIhZXlJBiWi7/CmOhKAsWjCm3/Vaicn57Wjk7N39dPz8/q7o3"
    "e8rGxvMuv8h9uYAC23KolZ6+dWpy8aRHkHdTuuSPghZSCDrpRUVYC+wXsPx0uHLKmFG57D"
    "8BSl6yEqGdOH6Ym+9f+Ia8fXxTr1+AmBfoIhtw8FiYHVJdbS6xhrsO+32s37fqP9Qbxu6j"
    "h/WhK/Rr8pcmoydRlLPTh7HVXWqhLwqdV/D8Qj+L3baUp4+cge2/KNQbn+75poE5wzqhO6"
    "0KEZ6sN+qo8aLxloPT5QI2rPHHkxqc1D8CUo2R2FtePT89N3J2enq8G3Slk35vzxlUDWfh"
    "SytkI2iqxYNEYPqRNXZEmKoHxLbYTH5Be0lGC3eKsgMVAKsB4F+Oi41bwwgH/4vchPDQa/"
    "DRerlTbeufj3869GTCJw3bi/btw0tdTZQUGbE1pzLbSiEw+h8bCAtqlHerPIoTUaS1mVTW"
    "ZNa9N4CiRwLAESXyLa7SF/jxzH/eoE5fWz1nJexy2Uk/Q2gMP7BTLfcLo5tDlXRjagNjAs"
    "zEnmJaB8FQUQTKAzEfQUc5bK6AMiADvAYbxTmUmGu50qU+hsjLYqYlpKYiqVqQv1JrVwPY"
    "F2ug6iUjFd8I98zFz0vMqYwm+6hciYTfjj2ekanH9t9K7fN3oHZ6cxYtnxcmoyK8pXFP/P"
    "hr66/H/uFGWoIQnFTjez07mjmOlm+hTqVGWiThL1FN7kayObNIkPysmY7ukUUYLAYkKBAY"
    "kkOwCTlV0OI+cCiPpEIwAkJkBvphBbANoIuIpOcqZtVbpl1vRPoUxPtCJkkyFfZUWoUFim"
    "ckTopJaDCJ3UMomQyIoSISTGQRF8VwKVA7dWz0MzealMeGVeFN8ZdJwF5VNzUUqfENwO3s"
    "/NP6KIHx3lQfzoKBtxkRdF3KZWxoTRJPNpgoFEQPdl94e1NkXTobu+FsBba3S6nf+1ux/v"
    "L/hyRslySufOF9Jutq+avQvg1smfuzfNXqPfFUl81eZtpzy1cdNudbicOcUkvpTm0drxWQ"
    "6lHcdpfqAzkRVV2RDTpMb66FvG8ukVf5SSvOmlLONh3eaq+Vs/sq/yETxoN357Hdlb3XU7"
    "P/vFQ4hf33WvYkjjKed+RaahlUAV0I7243qu2ae+ZvapJ2efISQkzYR8RfnUAklGh14JxV"
    "AecqldzTyrlP1266tu9y7Sra9a8X77UcxiB8cSdl4Is4jtLI61biPouGbdvJ06IVi9zn2S"
    "q3OfrOncJ8nOraxm2ehX2Go2Mx+p9aik0npZtO5jFFK7bH3CspdtiEqeSDspi54nevtLD1"
    "mQ4dTJNuGQ9sL6QJbVL+VsWVSjQMoEKXz2+niMQse8VQTJoNMpEgJPAunaraWqII3gV2pz"
    "3vjUOcmrpqowScfZp0H0gVdRVXgIZXiEDYnAE2HqhKqqEly7PI/y56iUI6nQ9JV9KhWeKf"
    "O48gguh+xXDvAEASUAgtl8aGFngkzpZp7mr5NbbvPx0mc5JL2zwcLu4+q86YnnTUNqLgsZ"
    "Ir3ylTDN79sUqYwJ2f38ZW4rlTHhn6j1LGNCWOs8b0ILul5FZJTzVYr9O8QVcmIaklCIbn"
    "Znm3mbmye6s1Vsj3QYc2cLdarNQRbuqN4CqBX3EYzMfmXyElzZRNKCikP2kjVhxWHjTJ6N"
    "mXDpAkJqLsRMsbniXS5fwHBh6dRAYN+vVU4IyQDg0AjwfTtV4G854yvUrqNq/DPPrkMxpW"
    "1zTxVKoUIpSkCTNoZSxGcBReefTOefh3dK1FM4p6+NbL65OuXKwzVFYbDgTJGJmFoC2tB+"
    "MOmCXIKBY83HAyBe7wDMRKaFyYMj40kI+spZpjGBZIwcXpY/iUPoATDonOMv43SRyf9NY6"
    "h7eefmw4fvWqAKbXV84fEdQWn5f+jbzPZP6b0aPH14nc4fK5oszOEWD+DT+2avCfjAYnMH"
    "/ARerWp/BRqdGwBtY4K/cm7+k6sYd9iGWhO1BT1302LtcWXVWc1+z2rEyEjCmu3z6ZevXN"
    "jKcS2Ppycvle2QX0t4evKNcVYURTq8K4FKnIXtIUwl3LICOMfE9hioou0F6534Latz3T2e"
    "63rLYWqf3hyBFUjvsWubNhyxgv1bu+k1bvsXQMp+IR8+Xt217t83by4Cz4841cs1m289uM"
    "pnMClWx3UxKWExFZVSICrFo+EFKF9IYn+WkeNS877Qpj3G9ouYbOOyWzDalizo54XYaFN8"
    "BJJGWmWazx5U1TXNK4egqmldOQSV5AhB+Vo81deix/t5r3XdX2f0VqE5KjRnN6E5OoPjLY"
    "Tn9OG4Sijt+pBJwJVxzuQhuf6oaaW13MdN2AFchjcILDCbACie8no3Fa8g1cHJPxrlgin+"
    "TTzVX3a9w0Hl3lRO9ybl6LJt+0PQ93MCGhosCk/lYr1/F2sGUw5GCyNaLdYQBzQYpGXycc"
    "mgHhtpRxHGwegMG5eeS4m4/5RQewot7HD2cCAv8gAGFKLi8kEH/J9iwnOGS/DqzavXaQzk"
    "6RWqa1fL5VpR9MrV6l63mu8ses1R9Ou01S+PLUHt/zJm8p3u/yLXNKTMxPFrHLKn5MTdEZ"
    "vn5i5BfKcmf6mO2mAgXFsHfHYFDkLBz9kNkWVdgoGwDA8A5Su4SF+CCfyKAJ0hMbXilFsK"
    "tlx3npsMQq65asNY2g3jA//49Ll+s6+GL1tmNxntuttuNzv9C/92ji/ktnt31/3Eq5eXaf"
    "Hnxq/dXqvfvAC+bXJ1c65w5/Buzi2NO4fBqK0XXaKjUmVW2GOX6q3fjC5X4KJephGh6t0q"
    "uhNfU5fqFHU4jUpVD+odOZ2ygtf9BxLVg3gnvqaCPaUQmnWudr6IcrMr4GanvIWye/nL9B"
    "tRv+BVAnu8CjvdStjp89iPG3MTsyZh9lJLMV6Ecg/XmS6gKKfzrZKN897RIcwLvAB/OgRQ"
    "RiouoHsfoghqTPmV0zwCeYwMNjLEb+TI3ieU5D4qe0Np7Q3uRrSY319I5FFTeNlI6JZPqJ"
    "VFYE8WAXfCKgjyjgP1nu9w5DTP5uk0e+90mrJ1ikzmeUGOiVWwK+eyuqwxuiRtLsFCWWgt"
    "jIhVaC7ey6IY2ru6dzYksf/vfbeTsWkNROI7Vmww8Bew8O48YLR/j+ZETmVgOMcWw8R5K1"
    "77H223PDwNYQFRZLOaiFmNh6ceRnehooKXfRfxXuf8atkSCpzF73SjhmxsTLS0TZqbc7h2"
    "gxaU2bQzy9azcropl9NNZthwNvHJjhuuBOmp1/Ownnp9zc/x1hMUng+qIvzdLV5BdI9znX"
    "0crzn7OE75fUBKmBe6lJvXBCL75zW7tyTulME862L242+5BqNC"
)
