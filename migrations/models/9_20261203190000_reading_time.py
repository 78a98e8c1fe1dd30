from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True

# How long a post takes to read comes from its number of words, counted by the database itself whenever the text is
# written (a generated column, like users.search): a feed reads a number per post, never the texts. A word is what
# stands between spaces, Markdown's marks included: close enough for "4 min read". The models cannot declare a
# generated column: the model state below is the previous migration's, unchanged.


async def upgrade(db: BaseDBAsyncClient) -> str:
    return r"""
        ALTER TABLE "posts" ADD COLUMN "words" INT GENERATED ALWAYS AS (regexp_count("body", '\S+')) STORED;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "posts" DROP COLUMN IF EXISTS "words";"""


MODELS_STATE = (
    "eJztXWt32jga/is6fGl7TtrTkEu76c6eQxIyZZtAN6HT6bRziLAFaGMkxjZJOd3+99Ur2/"
    "gmGzsB4nj0KUHWK9vPq8uj9yL/aEy5SSzn1Rm3LH7XOEI/GgxPifgncWUHNfBsFpZDgYuH"
    "lqw6knVkGR46ro0NVxSPsOUQUWQSx7DpzKWcQeVrrzaxr5FNsOkgd0LQjDuug/gIBVfNa0"
    "QZXKI28h6BsjEaEWK+Q9QkzKXu4sgTxdR+Bbc2uSHuLapt9C5zRv+ak4HLx0SU2+JeX782"
    "gptBhaDpxp9/il+UmeQ7cWLVzAE1IzVt+Ckrz24GI0osM6YHvy6UD9zFTJYd03GHuWeyLr"
    "z5cGBwaz5lYf3Zwp1wthSgzIXSMWHExi6BO7j2HLTD5pbl6zFQmPeKYRXvHSIyJhnhuQU6"
    "BmnvAcKyxmDQ7fUHV+3+YNBI6T+QiCjLLzI4g74jHtWRAIzhEV7+o9nc23vTfL13+PZg/8"
    "2bg7ev34q68nnTl9789B4mRMtrSmLW+bXT7cMDcdFBvY4LBT+lDHaxJyVVFaJviN4j8Bpg"
    "N62FU3HFpVOi1kNcMqEP0xd9FfyT1E6gizz1BAWhfsIhtw0FwcDqMWvhd4wc7Pudi/ZVv3"
    "XxEW43dZy/LIlfq9+GK01ZukiUPj98EVfWshH0udN/j+An+qPXbUt4xcge2/KOYb3+Hw14"
    "Jjx3+YDxuwE2I304KA1QEzVDrScHakztmSMvIbV6CD4FJXujsLm7/2b/7d7h/nLwLUvyxl"
    "wwvlLI2vdC1tbIxpGFRWN0o5y4YktSDOUzbhM6Zh/IQoLdEU+FmUEUwPoU4JPjNfPEAP4Z"
    "9KKgNBz8Nr5brrTJziXeX7w1cSUCJ62rk9Zpu6GcHTS0BaE1c6GFTjzExs0dts1BrDfDFd"
    "7kiZJl3fSlaXOaLMEMjyVA8Cbw3D7yV8RxvLdOUd7gUi7ndbxKBUlvCzmiXxDzpaCbQ1tw"
    "ZWIjbiPDooJkvkNcrKIIowl2JkBPqWCpLr8hDFEHOa7oVGaa4a6nSQWdTdBWTUwrSUylMg"
    "eg3rQWTibYVusgLpXQhXjJ+8xFj6uMKf4+sAgbuxPx83A/B+ffWpcn71uXzw/3E8Sy619p"
    "yktxvqL5fzb09eX/c6csQ41IaHa6mp3OHc1MV9OnSKeqFHUSOuqwM0ytue0rPcmg4jXyiZ"
    "SoO6BsMIrWXkmoLokhaA4CIWJKJiR4kLTtcUYQNgw+F5cFH4KfHidCYvyL9p0jdDfBbiCD"
    "3InNXdcCw58UctJUa5M3+8a+iQ4/c8EQ+dGbxa7+c44cLuoKQXJL7AWa2dwQjcEdMTLJzO"
    "KLKdzEa0MaKB2hARRgmG2pdAw+kwPqhixSFkpN9SpJ9ZY6K8rylgLrIXiPvRTFKN7uYQGK"
    "t5vkDiHFg0txigcjoQS4fvUaQts8fF0AW1ErE1x5LWHwi0zrRa19ERFNphRGVAs77sBbje"
    "6xMUlLb2dzss2J+4nsRQKQUpuRFHV+HKYn+bWC3wW8O5vVAXUtSOWu+JQAcbqbcGRgJrmS"
    "YENLDywlgkVBe/AQCDMTkZdT0X0Rtgny+luasq2r0TXbx/4ujOmBU102FwpUVmbFjsrUzu"
    "S11yywZu81M5dsuBRfXQiMgzL4LgVqB27zoIhBUdTKZkQHKZPiDDvOHRdTc1njbUqwjhz0"
    "dSEO+jqHg75OcVCbWxkTRpvNpylbUwz0QHZ7WDemZDr01tcSeDda3V73y0Xv09WRWM44W0"
    "z53PnGLtoXx+3LI+S1KX73TtuXrX4PisSqLZ6di9LW6UWnK+TMKWXJpfRxNmVDytMa65Pv"
    "GcunX/1eSvKnl6qMhzzq2v69H2OtAYLPL1q/v4gx1/Ne99egegTxk/PecQJpOhXcr8w0tB"
    "SoA9rxfnxQaPY5yJl9DtKzzxAzpgoWOOZiasEso0MvhRIoD4XUpmaeZcl2u/Vxr3ce69bH"
    "nWS//QSz2PNdCbuoRN2Y6SyJ9cAm2PEc+EU7dUqwfp17r1Dn3svp3Hvpzq39o9no19g/Oj"
    "PvqfW4pNZ6VbSusETJpy9hiErHHiqMvse+6NmHS2Jhlyon21TqwRPrA1n+XUUUITSjQcoE"
    "KRpld3+MIgF9dQTJ4FPwBj8QpBOvlbqCNMK33Ba88aFzkt9MXWGSKVIPgwiiGOoKD+MuHV"
    "FDIvBAmLqRpuoK14wartr5W6pDea08vf1XJkab9NkF87jCbReZ4rM9d9HVpEhgO/BdYj9z"
    "kC+IOEMYzeZDizoTYsqkS1X0emG51S64r3La8iPlSidTap/cA31yQ24qImhyjLV+/Vq4L7"
    "ZtrtUGl+x+/jS33trg8nfUepbBJap1cW3CSyYixGR09JzCRxDhCgUxjUhoRFcnd8z8DeAD"
    "kztqto/cSSR3RDrV6pRjb1SvAdSaZ8zEZr8q5cws7UaqI3YiNqWcQ3aiBqwiGzMIe0MgNQ"
    "cxEzZXossVOz6ntLQy2STI8pITQvo4nMgICDKd9DE41UxB0buOuvHPIrsOzZTWzT11YrFO"
    "LK4ATVqZWJycBTSdfzCdfxzeKVFXcM5AG9l8c+kJLMI1oTK6E0zRhRNmGLrA9o3J79g7dH"
    "1LbHC+XwfJynASDTGpKs/6nu1ACvW1Y83H1wjeEi6BrEXZjXOEptgkaGTzqSSsgrpakBVE"
    "2PJESDgRZ0Rt8c/S+bCDGCReI2OC2RjI78gl9jvIvbbFv9+YTM2+w45fLXRaTKAM8o6eyw"
    "N35M3kgTvUsrzWxKu+KOjW+NEIldxY3sNnUkCWxR/yfWYHMRJ+C76m/e4cjMKGrCwUCT/Q"
    "5/fty7Z4LOzOHfQLerZs/RlqdU8Rto0JvRXv84uncm9CiDxN3Mr02I+WeB5PVnuBtusFgg"
    "GYhjUnSd2vv5ZA2wrlDO02i4TZilrZ2RDNVJitnEnKoLsUqIWTbQs5QtEnK4FzQmyLWUKN"
    "rWC9kaBx7TDeosPYXw2VfXp1+lsovcWuLVlWyf7dOL1snfWPAob28dPxeefqffv0KGRnSb"
    "5ZaDZfe2ZbQGAU5sy8hKComE4JKpES5O8bSjC+iMT2TC67laZ9EWtAguyXsQUnZddgDa5m"
    "xF/Vjb+K4IO09Vfb/LMHVX1t/jrSqG5a15FGFfFN6CCOhwZxXIp+ftk56edZ03VelM6L2k"
    "xe1MDF4zXkRvXxuE4obdp7BXBlOLB8JPN9WEutFfZjUQcJGfD73FF3gjD8Kho2Vb4BZeRU"
    "4HMVgorAKVEaLLu+11HHTVUzbkpH0Kzb/hD2/YKARgaLxlPHbm8/dtvFCr9oaUTrxRqSgI"
    "aDtErBMxnUYyXtKMM4XD6jxjs/cAUOn2XcnmKLOoI9PJenqCADgyic/Oig/3LKxJXhAj17"
    "+eyFioE8vEF95m21IivKnndb37Nui/mic1zRL1SrXxFbgt7/ZczkG93/xc7IUMzEyTM0sq"
    "fk1MEdq+fmHiNipyY/CM1tdA0xs9didkUOIeFXo4fEst6ha7AMXyMuVnAoX6AJviWIzwhM"
    "rVRx/MGa2y5yREIk5ldvGCu7YbwRL6+e61fHagSyVQ6TaZz0Li7a3f5RcOzHN3bWOz/vfR"
    "bNy5PMxO/Wb73LTr99hALb5PLYYgjn8I8trkw4h+Fye1B2iY5LVVlh912q134svVyBywaZ"
    "xoTqd6TrRmJNPapTNuA0LlU/qDcUdOqW/NZCKFE/iDcSawrsSUFo8kLtAhEdZlcizE5HC2"
    "X38qcZN6I/lFsBe7zOZ11LPuvj2I9bc5O6bebai4bCeBG5upNnusBQbyC2SjYtevhHT36W"
    "Fn7tICzzISFZEXZckFlpqu0RqwSKGBlsYsAHimTvAyV5P72EwK/+rsfTk3c3+C8y/2urRD"
    "WtElHFFY0OjIjca6KvGlVdsx9b2w22ZDcIJ5oSIG84ne/xXCj7RbZY+9k7rH3FBis25RcF"
    "OSFWw65cyDaTY5pJW2bC5bTUWhgTq9FcvJVFMbLDlYdBKByA/77qdTO2tqFIcl9LDRf9D1"
    "l0c3EyjX+O5kxOZWg4p5ZLmfMKbvuvxmbZugphgCi2pU1ltiaTWHfie1Vo4GkfhbzVOb9e"
    "FocSHvuNRiP73yFQRSOHnyjIiUaOfA2hUDCyVx82ZH1qCn07SOxzb+UBN8lw4qv3rZfNg0"
    "PER/JgHJM6MwsvEGEGB0llqPIam4cjeD6Qmes7rxHsJIYyysjhCM7IWaCZzQ3iONAERiaZ"
    "WXwhj/337+lX8p9Jxk0z7rnIBY4EnOP2HHanzET4GwONzmfQWPR2aMKFIqFo+tBIprIf51"
    "3vN3krFHRzWOQTyIfZX0A+9D+AnL279HuTitQwbC8yHCGhUNJOv/CzWZ4Ye8wjKP6KuJyf"
    "BbrHnW7r8ov6ZIhjxQp6/KXfbiX3RrdCJwr7Yh7woYzG/b64iydwxdxXetOUlKvhrmn9Bo"
    "A7arqKqTxzu7Ssr/0Til3QhNDxREG4M+EMBTSe2m9aCup67WLipyxYHJv3PGYhJlq/zesT"
    "UXMAUhE9l/WRx6VqZLLbmJvcRywN8qZc5RXDt7CnPN61Yt5y8Qyo++n8/NHc5cSmxqShcp"
    "V7V3Zy3eRhnVW2lWxUdepTtVKfMg9vy94jZZ/eVoftUfPgoIhX6eAg260E1xJmADGoSiDs"
    "V68huruFIlB3cyJQd9MRqP6mvZTfKBTZvt/ocajd2jxEj+os+Pl/NLb40A=="
)
