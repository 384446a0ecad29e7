"""Seventh round of hand-written intake lines (gates, doors and barriers broken; sparks at electrical
gear; animals dead on the road; someone in the water, shut in a car or threatened with a knife; wishes
said in English as requests; short reports pointing at the spot, a street light written as one word).

Why: trying the bot from outside with messages of our own, short reports of a broken thing that is not a
lamp were filed as lighting: "小区大门坏了 关不上", "楼下的门禁坏了 进不去", "公厕门锁坏了", "出小区的门坏了"
(the corpus says "X坏了" mostly of lights, and hardly names a gate, door, lock, barrier or steps);
"变压器冒火星" was small talk (火花 is in the corpus, 火星 and 变压器 hardly); "有只狗被车撞死在路上" was traffic
(taxonomy: dead animals are sanitation); "有人拿刀在街上追人" was small talk and "河边有人落水了 快来人" filed
as waterlogging; "这个井盖松了" and "streetlight at gate 3 of Xingfu Garden is out" were asked "is this
something to report?" (0.55, 0.53: the corpus says 这里/这个 of the rider's own errands, and "street light" in
two words); and "Can we get a charging station near Wangjing SOHO?" was small
talk where 希望…能多几个换电柜 is rider_service. These lines were written one by one for those KINDS (never
from the evaluation set), in zh and en, and beside them the same words in talk that reports nothing (a
gate where riders meet, a door code asked, a request to the group), so a word alone does not make a report.

Format as intake_seeds.HAND: cat|urg|location|text, "-" for none; a non-report has cat "-".
Lines starting with "#" name the kind of the lines below them.
"""

HAND7 = """
# a gate, door, lock, barrier or steps broken (zh)
public_facility|normal|-|小区大门坏了 关不上 谁都能进
public_facility|normal|-|楼下的门禁坏了 刷卡没反应 进不去
public_facility|normal|-|公厕的门锁坏了 门都关不上
public_facility|normal|-|出小区的那个侧门坏了 一推就晃
public_facility|normal|-|单元门的闭门器掉了 门一直哐哐响
public_facility|normal|幸福里小区东门|幸福里小区东门的道闸坏了 杆子一直抬不起来
public_facility|normal|-|停车场出口的闸杆断了 半截掉在地上
public_facility|normal|光华路|光华路人行天桥的台阶碎了好几块 上下都得小心
public_facility|normal|-|地下通道的台阶缺了个角 推车下去差点翻
public_facility|normal|-|公园的铁门倒了 斜靠在墙上
public_facility|normal|-|菜市场后门的卷帘门掉下来一半
public_facility|normal|-|垃圾房的门被撞坏了 关不上
public_facility|normal|-|驿站的门打不开了 锁芯坏了
public_facility|normal|-|公交站旁边的围栏门脱落了 挂在半空
public_facility|normal|-|人行道上的消防通道门坏了 一直开着
# a gate, door, lock, barrier or steps broken (en)
public_facility|normal|-|the main gate of the compound is broken and won't close
public_facility|normal|-|the door access panel downstairs is dead, nobody can get in
public_facility|normal|-|the barrier arm at the car park exit snapped off
public_facility|normal|Jintai Rd|the steps of the footbridge on Jintai Rd are cracked and loose
public_facility|normal|-|the lock on the public toilet door is broken
# sparks and smoke at electrical gear (zh, en)
fire_safety|urgent|-|变压器冒火星 还噼啪响
fire_safety|urgent|-|路边的电箱在冒火 旁边全是电动车
fire_safety|urgent|-|电线杆上的线冒火花了 一闪一闪的
fire_safety|urgent|-|配电房门口有股焦味 里面在冒烟
fire_safety|urgent|-|the transformer on the pole is sparking and buzzing
fire_safety|urgent|-|the electrical box by the road is smoking
# an animal dead on the road (zh, en)
sanitation|normal|-|有只狗被车撞死在路上 没人收拾
sanitation|normal|-|路中间有只死猫 好几天了 一直没人清
sanitation|normal|-|桥下有只死鸟 都招苍蝇了
sanitation|normal|-|there's a dead dog on the road, been there since yesterday
# a wish for riders' service said as a request (en)
rider_service|low|Wangjing SOHO|can we get a charging station near Wangjing SOHO?
rider_service|low|-|we need a place to charge batteries around here
rider_service|low|-|could the rider station get a microwave?
rider_service|low|-|please put a water dispenser in the rider station
rider_service|low|Guomao|there should be a toilet riders can use near Guomao
rider_service|low|-|would help a lot to have somewhere to rest when it rains
suggestion|low|-|can the community add parking bays for delivery bikes at the hospital?
suggestion|low|-|please add house numbers on every building, we can never find them at night
# someone in danger in water, shut in a car, or threatened with a knife (zh, en)
person_in_need|urgent|-|河边有人落水了 在水里扑腾 快来人
person_in_need|urgent|-|公园湖里有个小孩掉下去了
person_in_need|urgent|-|有个小孩被锁在车里 车窗都关着 太阳很晒
person_in_need|urgent|-|someone fell into the canal and can't swim
other|urgent|-|有个男的拿着刀在菜市场追人
other|urgent|-|两伙人在路口打架 有人拿着棍子
other|urgent|-|a guy with a knife is threatening people outside the mall
# a short report pointing at the spot, and a street light written as one word (zh, en)
road|normal|-|这个井盖松了 一踩就响
road|normal|-|这里有个坑 大家小心
road|normal|-|这块路面裂开了
waterlogging|normal|-|这个下水道又堵了
lighting|normal|-|这盏路灯又不亮了
public_facility|normal|-|这个栏杆松了 一推就晃
lighting|normal|Jintai Rd|the streetlight on Jintai Rd is out
lighting|normal|-|streetlight here is out again
lighting|normal|-|streetlights are dead all along this road
lighting|normal|-|the streetlamp by the gate keeps flickering
waterlogging|normal|-|this drain is blocked again
road|normal|-|pothole here, nearly came off my bike
road|normal|-|this manhole cover is loose
# the same words, and nothing wrong (zh)
-|-|-|这里有个商家出餐好快
-|-|-|这个单子好远 不想跑
-|-|-|这块的单子最多
-|-|-|我拿刀切个西瓜 等会给大家分
-|-|-|今天去河边钓鱼了 一条没钓到
-|-|-|钥匙锁在车里了 哈哈 等开锁师傅
-|-|-|我在小区大门等你们
-|-|-|门禁卡忘带了 有人帮我开下门吗
-|-|-|这个小区的门禁密码是多少 有人知道吗
-|-|-|东门那个道闸抬得好快 点赞
-|-|-|天桥上风好大 凉快
-|-|-|驿站门口集合 一起去吃饭
-|-|-|今天走了好多台阶 腿都酸了
-|-|-|过年放鞭炮冒火星 小时候最喜欢
# the same words, and nothing wrong (en)
-|-|-|this order is so far away
-|-|-|this app is so slow today
-|-|-|meet at the main gate at 12?
-|-|-|can we swap shifts tomorrow?
-|-|-|we need more orders today lol
-|-|-|please add me to the night shift group
-|-|-|can you get my order from the locker, I'm stuck in traffic
"""


def rows() -> list[str]:
    return [line for line in HAND7.splitlines() if line.strip() and not line.startswith("#")]
