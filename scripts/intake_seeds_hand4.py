"""Fourth round of hand-written intake lines (places kept whole, reports buried after small talk).

Why: a tester trying the bot from outside (TRY13) saw places cut short or missed (a name with
a landmark part: 桥下, 路口, 地铁C口, 门口, 楼下; buildings named in Latin letters and digits like
"SOHO T3"; English "… Rd near exit C", "gate 2") and a real hazard ignored when it came after
small talk about the weather. These lines were written one by one for those KINDS, with place
names and wordings of their own (not the tester's strings, never the evaluation set), plus hard
negatives: small talk that mentions ice, rain, a junction or a metro exit but reports nothing.

Format as intake_seeds.HAND: cat|urg|location|text, "-" for none; a non-report has cat "-".
Lines starting with "#" name the kind of the lines below them.
"""

HAND4 = """
# a hazard after small talk about the weather (zh)
waterlogging|normal|安定门路口|今天冻死了 手都僵了 安定门路口那一片积水都冻成冰了 特别滑
waterlogging|normal|和平里桥下|这天太冷了吧 和平里桥下的水结了一层冰 刚才好几辆电动车滑倒
road|urgent|劲松路口|好冷好冷 不想出门 不过说正事 劲松路口井盖没了 一个大黑洞 晚上根本看不见
waterlogging|urgent|西坝河桥下|雨下得真大啊 衣服全湿透了 西坝河桥下的水已经到腰了 有辆车熄火在里面
lighting|normal|团结湖路|又下雪了 烦 团结湖路晚上路灯全黑 雪地里啥也看不清
road|normal|小营路|今天风好大 差点把我吹跑 对了小营路有个坑越来越大 下雨天全是水看不出来
traffic|normal|酒仙桥路口|热死了 四十度 酒仙桥路口的红绿灯又不亮了 车都抢着走
public_facility|normal|北土城地铁A口|大风天真要命 北土城地铁A口的广告牌被吹歪了 摇摇晃晃的
waterlogging|normal|光熙门路口|今天冷得要命啊 光熙门路口积的水全冻上了 骑过去要小心
person_in_need|urgent|芍药居桥下|零下好几度 芍药居桥下有个老人躺在地上不动 穿得很少 谁帮忙打个120
road|normal|花家地街|今天天气不错 心情也好 就是花家地街那段路面裂开了 颠得外卖汤都洒了
fire_safety|urgent|-|天好冷 大家注意保暖 刚路过一个小区看到楼道里好多电动车在充电 还冒烟了
# a hazard after small talk about the day, food, orders (zh)
road|urgent|左家庄路口|中午吃了碗面 还行 下午路过左家庄路口 井盖翻起来了 差点把我掀翻
waterlogging|normal|惠新西街|今天单子好少 闲得慌 顺便说下惠新西街的下水道堵了 一路都是水
traffic|urgent|太阳宫桥下|累死了跑了三十单 刚才太阳宫桥下两辆车撞了 有人受伤躺着
lighting|normal|樱花园东街|晚饭还没吃 饿 樱花园东街一路路灯都不亮 黑得吓人
sanitation|normal|十里河桥下|哈哈今天顾客给了我一个苹果 开心 不过十里河桥下垃圾堆成山了 臭得不行
parking|normal|大望路地铁B口|新来的兄弟问好 我先说个事 大望路地铁B口共享单车堆满了 人都过不去
road|normal|双井桥下|刚换了新电瓶 跑得挺快 就是双井桥下的路面塌了一块 要绕着走
fire_safety|urgent|潘家园路口|今天生意一般 对了潘家园路口有家店在冒黑烟 好像着火了 快叫人
# buildings named in Latin letters and digits (zh)
person_in_need|urgent|银河SOHO D座楼下|银河SOHO D座楼下有个小伙子晕倒了 脸色发白
waterlogging|normal|中关村SOHO 门口|中关村SOHO 门口积水好深 鞋全湿了
lighting|normal|建外SOHO 8号楼楼下|建外SOHO 8号楼楼下的灯全灭了 晚上取餐看不见路
fire_safety|urgent|三元桥IFC 地库入口|三元桥IFC 地库入口在冒烟 味道很呛
road|normal|光华路SOHO 2期门口|光华路SOHO 2期门口的地砖翘起来了 好几块
person_in_need|urgent|凯德MALL B1|凯德MALL B1有个孩子找不到妈妈了 一直在哭
parking|normal|丽泽SOHO 北门|丽泽SOHO 北门被汽车堵死了 电动车进不去
person_in_need|urgent|朝阳SOHO B座楼下|朝阳SOHO B座楼下有人摔倒了 流了好多血 我住团结湖北里 离得不远
# landmark + part: 桥下, 路口, 地铁X口, 门口, 楼下 (zh)
lighting|normal|西四环路口|西四环路口的路灯坏了一排
waterlogging|normal|三元桥下|三元桥下积水了 车都过不去
road|urgent|呼家楼地铁C口旁边|呼家楼地铁C口旁边的井盖没了 很危险
road|normal|东单地铁站A口|东单地铁站A口出来那段路坑坑洼洼
public_facility|normal|六里桥下|六里桥下的护栏倒了一大片
traffic|normal|北新桥路口|北新桥路口的信号灯一直闪黄灯
lighting|normal|鼓楼东大街|鼓楼东大街路边的灯一半不亮
road|normal|幸福大街|幸福大街路边的下水井盖裂了
sanitation|normal|左安门桥下|左安门桥下一堆建筑垃圾没人管
bike_lane|normal|国贸桥下|国贸桥下的非机动车道被施工围挡占了
# a hazard after small talk (en)
waterlogging|normal|Andingmen Rd junction|freezing today, my fingers are numb. the water at Andingmen Rd junction turned to ice, super slippery
road|urgent|Liangma St near exit B|what a cold morning lol. anyway manhole cover gone on Liangma St near exit B, nearly fell in
lighting|normal|Tuanjiehu Rd|snowing again, hate it. also every street light on Tuanjiehu Rd is off tonight
waterlogging|urgent|Xiba Rd underpass|rain is insane today, soaked through. the Xiba Rd underpass is flooded waist deep, a car is stuck
traffic|normal|Jiuxianqiao Rd|so hot today, melting. traffic lights at Jiuxianqiao Rd are dead and cars are just going
person_in_need|urgent|Shaoyaoju Bridge|minus five out here. an old man is lying under Shaoyaoju Bridge not moving, someone call an ambulance
road|normal|Huajiadi St|nice weather finally, good mood. only thing: the road on Huajiadi St is cracked open, my soup spilled
fire_safety|urgent|Panjiayuan Rd gate 3|slow day, barely any orders. oh btw black smoke from a shop at Panjiayuan Rd gate 3, looks like a fire
road|urgent|Xiaoying Rd exit A|had noodles for lunch, decent. then at Xiaoying Rd exit A the manhole lid flipped up and almost threw me
sanitation|normal|Shilihe Bridge|customer gave me an apple today haha. but rubbish piled up under Shilihe Bridge, stinks so bad
# English places with an exit, a gate, a building code
road|normal|Dongsi St near exit D|pothole on Dongsi St near exit D
waterlogging|normal|Sanyuan Rd gate 4|drain blocked at Sanyuan Rd gate 4, water everywhere
lighting|normal|Galaxy SOHO Tower B|lights dead at Galaxy SOHO Tower B, pitch black at the entrance
person_in_need|urgent|Hujialou Rd exit C|someone collapsed at Hujialou Rd exit C, not responding
parking|normal|Guomao Ave near gate 1|cars parked all over Guomao Ave near gate 1, bikes can't pass
# hard negatives: small talk about weather / ice / places that reports nothing
-|-|-|今天好冷啊 大家多穿点
-|-|-|好冷 湖面都结冰了 好漂亮 拍了张照片
-|-|-|下雪了 路上好美 就是手冷
-|-|-|天冷了 大家骑车慢点 注意安全
-|-|-|今天好热 买了根冰棍 爽
-|-|-|下雨了 大家记得带雨衣
-|-|-|东直门那边的烤鸭店好吃 推荐
-|-|-|我在地铁B口等顾客 他说马上下来
-|-|-|三元桥下那个积水上周已经排干了 现在好走了
-|-|-|建外SOHO门口的咖啡不错 兄弟们可以试试
-|-|-|明天降温 听说要下雪
-|-|-|刚才在路口等红灯 看到一只猫 好可爱
-|-|-|今天冷得要命 但是单子多 开心
-|-|-|桥下那家面馆关门了 可惜
-|-|-|so cold today, wear gloves guys
-|-|-|the lake froze over, looks amazing
-|-|-|snow tonight apparently, ride slow everyone
-|-|-|waiting at exit C for my customer, he's late again
-|-|-|the flooding under the bridge was pumped out last week, all good now
-|-|-|nice coffee place near gate 2 of the mall
-|-|-|hot as hell today, grabbed an ice cream
"""


def rows() -> list[str]:
    """The labelled lines, kind headers dropped."""
    return [line for line in HAND4.splitlines() if line.strip() and not line.startswith("#")]
