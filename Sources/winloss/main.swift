print("winloss")
