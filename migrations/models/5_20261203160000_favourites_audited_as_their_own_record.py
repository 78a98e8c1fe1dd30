from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

# Favouriting changes the reader's favourite, not the post: its audit entries name the record "favorite" (its id is
# the post's), so that a post's history holds only what changed the post. Entries written before are renamed alike.
# Data only: the model state below is the previous migration's, unchanged.


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        UPDATE "audit_entries" SET "record_type" = 'favorite'
            WHERE "action" IN ('post.favorite', 'post.unfavorite') AND "record_type" = 'post';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        UPDATE "audit_entries" SET "record_type" = 'post'
            WHERE "action" IN ('post.favorite', 'post.unfavorite') AND "record_type" = 'favorite';"""


MODELS_STATE = (
    "eJztXf9T2zgW/1c0/oV2hnYgEOjR25sJELa5haQX0u3elh2j2EqixZGyttI00+v/fpJsx9"
    "8dG5JgvPoJLOvJ9udJTx89vad816bURJbz9opaFl1oZ+C7RuAU8X9id/aBBmezoFwUMDi0"
    "ZNWRrCPL4NBhNjQYLx5By0G8yESOYeMZw5SIyvdubWTfAxtB0wFsgsCMOswBdAT8u+Y9wE"
    "TcwjZwXwGTMRghZL4H2ESEYbY8c0Uhtt+KR5vU4M/m1bb6lDnBf82RzugY8XKbP+vLF81/"
    "mKjgN6398Qe/wsRE35ATqWbq2AzVtMWlrDx70EcYWWZED15dUa6z5UyWneNxh7ArWVd8+V"
    "A3qDWfkqD+bMkmlKwEMGGidIwIsiFD4gnMngvtkLlleXr0FeZ+YlDF/YaQjIlGcG4JHQtp"
    "9wWCMk3Xu72Bftse6LqW0L8vEVKWV2RQIvoOf1VHAjAWr/DmH43G0dFp4+Do5F3z+PS0+e"
    "7gHa8r3zd56/SH+zIBWm5TErPOz53uQLwQ5R3U7bii4IeUgQy6UlJVAfoG7z0cLx2ypBYu"
    "+R2GpyhdD1HJmD5MT/St/09cO74u8tTjFwT6CYbcLhQkBlaPWEuvY+RgP+jctG8HrZuP4n"
    "FTx/nLkvi1Bm1xpyFLl7HSVyevo8paNQI+dwYfgLgEv/e6bQkvH9ljWz4xqDf4XRPvBOeM"
    "6oQudGiG+rBf6qPGawZajw/UiNozR15Mav0QfAlKdkdh4/D49Pjd0cnxavCtSvLGnD++Es"
    "jaj0LWVshGkRWTxugh1XBFpqQIylfURnhMfkFLCXaHvxUkBkoB1qMAnxy3mRcG8A+/F/ml"
    "weC34WI108Y7F/9+/tWISQQuWrcXrcu2lmodFLQFoTVzoRWdeAiNhwW0TT3Sm8Ud2qCxkl"
    "Xd5K1pYxovgQSOJUDiS8R7e8jfIsdxvzpBef1buZzXcSsVJL0t4PB+gcw3nG4Obc6VkQ2o"
    "DQwLc5L5HlA+iwIIJtCZCHqKOUtl9AERgB3gMN6pzCTD3UyTKXQ2RlsVMa0kMZXK1IV6k1"
    "q4mEA7XQdRqZgu+Ec+xhY9rzKm8JtuITJmE355cpyD86+t/sWHVv/VyXGMWHa9Ow15K8pX"
    "FP/Phr6+/H/ulGWoIQnFTtez07mjmOl6+hTqVJWiTlxHHXIFsTW3PaXHGVS0Rj6R4nV1TP"
    "RRuPZaQtVHBqc5QAghUzIhzoOkb48SBKBh0Dm/zfmQuHQ5EeDjn7fvnIHFBDJfBrCJTRmz"
    "hONPCjlJqrXNh92RO97hZ0w4Ij+6Vuz2P9fAobwuF0Rfkb0EM5savDHxRAhMNLPocioe4r"
    "YhHZQO1wDwMcz2VDoGnckB9YCWCQ+lonqVpHornRVleSuBzRC8556KIhTv8KQAxTuMc4eA"
    "4olbUYonRkIJcL3qNYS2cXJQAFteKxNceS/m8AuZ9aLevpCIIlMpTlQLOkx3Z6NHLEyS0r"
    "tZnOzScL+QtYgPUmIxkqDOz8P0JL9O4Xc+785mdYK6FqRyt3SKBHFaTCgwIJFcibOh1Q4s"
    "RpxFifbESwBITIDeTHn3BdBGwO1vScq2qUY37B/7uzCmJ5q6bC7kq6zMjB2WqZ3L66hRYM"
    "4+amRO2eJWdHZBYhyUwXclUDtwG80iDkVeK5sRNRMuxRl0nAXlprms8zYhWEcOelCIgx7k"
    "cNCDBAe1qZVhMNpkPk34miKg+7K7w1qbounQnV9L4K21ur3uf296n27P+HRGyXJK584duW"
    "nfnLf7Z8Btk1/3Ltv91qAniviszd+d8tLW5U2ny+XMKSbxqfR5FmVDTJMaG6BvGdOnV/1R"
    "SvLMS1XGQx51bf82iLBWH8FXN63fXkeY63Wv+7NfPYT4xXXvPIY0nnLuV8YMrQTqgHa0Hz"
    "cLWZ9mjvVpJq3PEBKSFixwTrlpgSSjQ6+EYigPudS2LM+qZLfd+rzXu4506/NOvN9+Elbs"
    "1aGEnVfCLOI6i2Ot2wg67gZ+0U6dEKxf5z4q1LmPcjr3UbJzq/3RbPRrvD86Mx+p9aik0n"
    "pVtJ7iiZJvX8IRlYw9THH6nnuiV7/0kQUZTjW2idSDF9YHsvZ3U6IIRTMKpEyQwlF2j8co"
    "FNBXR5AMOhW7wU8E6cJtpa4gjeBXanPe+FSb5DVTV5hkitTTIBJRDHWFh1CGR9iQCDwRpm"
    "6oqTrBtc39KN9GpWxJhcxX9q5U2FIWCdoWXA7Zew7wBAElAILZfGhhZ4JMmVCYFpldWG79"
    "9tIXOSS9KLDSiYJqv+mJ+01DaqZEh+Q4Ir36tXDN79oVqZwJ2f38ZS4rlTPh76j1LGdCWO"
    "v83oSWDLKPyKjIsBT/d4grFMQ0JKEQXZ+4MPMWN09MXKjZGmk/lrgQ6lTr02ndUb0BUGue"
    "DRKxflXKB1n5RNKOjwn5S3IOkAk7Z4oszERIFxBScyFmisUV73LFjoYpLZ2aSOFnMEmDkD"
    "zqJTQC/CwedcRLNdMr1KqjbvyzyKpDMaVNc0+VNKuSZitAk9YmzcatgKLzT6bzz8M7Jeop"
    "nNPXRjbfXO1yFeGaojJYcKbIxOkpBNxA+8GkC/Ie3DvWfHwPxOMdgGUKr4XJgyPzSYhI3Q"
    "XGBJIxcnhdfiU2oe/9pF1xIgsycVq+8Y6euX7z4bsWqEJbbV94fEdQWv4HfZvZ/i6914Kn"
    "D6/T+WNFk5U53OICfP7Q7rcBH1hs7oCfwN6q9T3Q6l4CaBsT/JVz859cxbjDNvQ2UV/Qc7"
    "9a7H1cWbVXs9u9GjEykrDmpEl79WuXtnLYKBLpyWtlB+Q3EpGefGGclUWRDu9KoBZ7YTtI"
    "Uwm/WQmcY2I7TFTRdoL1VuKW1b7uDvd1vekwtU+vz8AKpHfYtU0bjljJ/q1d9ltXgzMgZe"
    "/Ix0/n153bD+3LsyDyI071ClnzjSdX+QwmxeuYl5MSFlNZKSWyUjwaXoLyhSR25xk5rDTv"
    "Cy3aY2y/jMs2LrsBp23Fkn5eiI82JUYg6aRVrvnsQVVf17wKCKqb1lVAUEW2EFSsxVNjLf"
    "q8n/c7F4M8p7dKzVGpOdtJzdEZHG8gPWcAx3VCadubTAKujH0mD8n8raaV1gpvN2EHcBn+"
    "QmCB2QRAcVU0uql8A6kBTv7WKBdMiW/ipf60620OqvCmaoY3qUCXTfsfgr5fENDQYFF4qh"
    "Dr3YdYM5iyMVoa0XqxhjigwSCtUoxLBvVYSzvKMA5GZ9h474WUiPNPCbWn0MIOZw+v5EEe"
    "wIBCVBw+6IA/KSb8znAJ9t7svU5jIE9vUB27Wq3QirJHrtb3uNVie9E5W9Gv02a/Ir4Etf"
    "7LsORbXf9FjmlIscTxYxyyTXLi7Ij1trlHEF+pyd8kpja4F6Gt99y6Ageh4IeLh8iy3oN7"
    "4Rm+B5TP4KJ8CSbwKwJ0hoRpxSmnFGy47SInGYRCc9WCsbILxgf+8em2fn2shi9b5TAZ7a"
    "J3c9PuDs780znuyFXv+rr3mTcvD9Pi161fe/3OoH0GfN/k6uRcEc7hnZxbmXAOg1FbLztF"
    "R6WqrLDHTtUbPxldzsBlo0wjQvU7VXQrsaYu1SkbcBqVqh/UWwo6ZSWP+w8k6gfxVmJNBX"
    "tKITR5oXa+iAqzKxFmp6KFsnv5y4wbUb/VWgF/vEo73Uja6fP4j1tzE7M2YfZSS3FehO7u"
    "57kuoKin86WSjYue0dGTv4wqrvYBlJmKC+iehyiSGlN+z76IQBEng40M8Rs5svcJJbmXyt"
    "9QWX+DuxAtF/cXEnmUCa8aCd3wDrXyCOzII+AarJIgbzlR7/k2R46LLJ6Os9dOxylLp4gx"
    "LwpyTKyGXbmQ1yXH6ZL0uQQTZam5MCJWI1u8k0kxtHZ1z2xIYv/v2143Y9EaiMRXrNhg4H"
    "/AwtuLgNH+OZoTacrAcI4thonzVjz2X9p2eXgawgKiyGI1kbMaT0/dj65CRQMv+yzindr8"
    "evkSSuzFb3WhhmxsTLS0RZp7Zz93gRbUWbcyy9azCrqpVtBNZtpwNvHJzhuuBelpNouwnm"
    "Yz5+d4mwkKzwdVGf7uVq8huoeF9j4Oc/Y+DlN+H5AS5qUuFeY1gcjuec32PYlbZTDPOpn9"
    "+D+GvtPU"
)
