#!/usr/bin/env python3
"""Generate data/intake/train.jsonl: labelled rider-chat lines for the intake model.

Deterministic (fixed seed). Reports are built from per-category problem phrases
(zh and en, each with its urgency) combined with generated place names, chat
openers/closers and surface noise (no spaces, emoji, filler words); negatives
are hand-written chit-chat, order logistics, questions to the bot, weather and
traffic moaning, thanks, and mentions of problems that were already fixed.
The shared dev set is never read here.

    python scripts/make_intake_data.py [--out data/intake/train.jsonl]
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

SEED = 20240611
ROOT = Path(__file__).resolve().parent.parent

# ------------------------------------------------------------------ places --
ZH_NAMES = ["长虹", "民主", "团结", "文化", "育才", "银河", "红旗", "东环", "西湖", "工农", "前进",
            "友谊", "开元", "丰收", "龙华", "金田", "凤凰", "桂花", "玉兰", "石榴", "枫林", "松山",
            "荔枝", "海滨", "南海", "北辰", "天山", "明珠", "紫薇", "百合", "望江", "临江", "碧水",
            "蓝天", "春晓", "秋实", "振华", "兴业", "宏图", "康乐", "安居", "怡景", "华强", "白石",
            "新洲", "梅林", "桃源", "杏花", "柳岸", "荷塘", "东湖", "南山", "西丽", "嘉禾", "瑞丰",
            "金沙湾", "翠竹", "锦绣", "恒通", "观澜", "通达", "鸿福", "富民", "泰安", "德政"]
ZH_ROAD_SUF = ["路", "路", "路", "街", "大道", "东路", "南路", "中路", "北路", "大街", "西路"]
ZH_AREA_SUF = ["小区", "小区", "花园", "家园", "苑", "新村", "公寓", "名苑", "华府"]
ZH_LANDMARK_SUF = ["广场", "大厦", "商场", "医院", "小学", "公园", "市场", "菜市场", "书店", "体育馆",
                   "中学", "购物中心", "农贸市场", "写字楼"]
ZH_SUBS_AREA = ["北门", "东门", "南门", "西门", "正门", "后门", "3号门", "2号门", "5栋", "12栋", "8号楼",
                "3号楼", "1单元", "门口", "地库入口", "B座楼下", "A座", "二期", "一楼", "侧门"]
ZH_SUBS_ROAD = ["公交站", "地铁站", "地铁口", "路口", "辅路", "天桥", "桥下", "绿化带", "人行道",
                "隧道", "高架下面", "主路", "急转弯"]
ZH_NEUTRAL_TAIL_ROAD = ["", "", "", "上", "这边", "那边", "那段", "附近", "这一段"]
ZH_NEUTRAL_TAIL_AREA = ["", "", "", "里", "这边", "附近", "里面", "那边"]

EN_NAMES = ["Xiangmei", "Meilong", "Honghua", "Jintian", "Nanhai", "Dongmen", "Bagua", "Huaxia",
            "Shiyan", "Minzhi", "Qianhai", "Taoyuan", "Guanlan", "Buji", "Xili", "Bantian", "Songgang",
            "Dalang", "Hongling", "Yitian", "Zhongkang", "Xinwen", "Baishi", "Chaguang", "Liuxian",
            "Wenjin", "Cuizhu", "Lixin", "Shuiwei", "Yanhe", "Beizhan", "Longgang", "Qiaoxiang"]
EN_ROAD_SUF = ["Rd", "Road", "St", "Ave", "Blvd", "Rd", "Street"]
EN_PLACE_SUF = ["Garden", "Plaza", "Village", "Park", "Mall", "Building", "Hospital", "Market",
                "Metro Station", "Tower", "Center"]
EN_HEADS = ["bus stop", "underpass", "rider station", "footbridge", "tunnel", "metro exit"]


def zh_location(rng: random.Random) -> tuple[str, str]:
    """(label, rendered text): the label is what a labeller would mark."""
    kind = rng.random()
    name = rng.choice(ZH_NAMES)
    if kind < 0.38:
        loc = name + rng.choice(ZH_ROAD_SUF)
        if rng.random() < 0.3:
            loc += rng.choice(ZH_SUBS_ROAD)
            return loc, loc + rng.choice(["", "", "这边", "附近", "那里"])
        if rng.random() < 0.12:
            other = rng.choice([n for n in ZH_NAMES if n != name]) + rng.choice(["路", "街", "大道"])
            loc = loc + rng.choice(["和", "与"]) + other + rng.choice(["路口", "交叉口", "十字路口"])
            return loc, loc
        return loc, loc + rng.choice(ZH_NEUTRAL_TAIL_ROAD)
    if kind < 0.72:
        loc = name + rng.choice(ZH_AREA_SUF)
        if rng.random() < 0.5:
            loc += rng.choice(ZH_SUBS_AREA)
            return loc, loc + rng.choice(["", "", "这边", "附近"])
        return loc, loc + rng.choice(ZH_NEUTRAL_TAIL_AREA)
    loc = name + rng.choice(ZH_LANDMARK_SUF)
    if rng.random() < 0.45:
        loc += rng.choice(["门口", "后门", "正门", "旁边", "对面", "北门", "停车场", "地下车库出口"])
        return loc, loc
    return loc, loc + rng.choice(["", "", "这边", "附近", "那块"])


def en_location(rng: random.Random) -> tuple[str, str]:
    """(label, rendered phrase incl. preposition)."""
    name = rng.choice(EN_NAMES)
    kind = rng.random()
    if kind < 0.45:
        loc = f"{name} {rng.choice(EN_ROAD_SUF)}"
        r = rng.random()
        if r < 0.2:
            other = f"{rng.choice(EN_NAMES)} {rng.choice(EN_PLACE_SUF)}"
            loc = f"{loc} {rng.choice(['near', 'outside', 'next to', 'opposite'])} {other}"
        elif r < 0.32:
            other = f"{rng.choice([n for n in EN_NAMES if n != name])} {rng.choice(EN_ROAD_SUF)}"
            loc = f"{loc} and {other}"
            return loc, f"at {loc}"
        elif r < 0.5:
            loc = f"{rng.choice(EN_HEADS)} on {loc}"
            return loc, f"at the {loc}" if rng.random() < 0.5 else f"the {loc}"
        return loc, f"{rng.choice(['on', 'on', 'along', 'at'])} {loc}"
    if kind < 0.85:
        loc = f"{name} {rng.choice(EN_PLACE_SUF)}"
        return loc, f"{rng.choice(['at', 'in', 'near', 'outside', 'at'])} {loc}"
    loc = f"{name} {rng.choice(EN_ROAD_SUF)}"
    return loc, f"on {loc}"


# --------------------------------------------------------- report phrases --
# {L} = rendered location. Leading code: U urgent, N normal, L low.
ZH = {
    "lighting": """
N {L}的路灯坏了好几天了 晚上黑乎乎的
N {L}路灯一到晚上就不亮 送单全靠手机照
N {L}那排路灯一闪一闪的 晃得眼睛疼
N {L}的灯太暗了 晚上看不清路上的坑
N {L}路灯全灭了 黑灯瞎火 差点撞到行人
N 反映一下 {L}好几盏路灯不亮 已经一个礼拜了
N {L}的照明灯坏了 楼道口一片黑 老人晚上出门不方便
N {L}路灯白天亮着晚上反而不亮 是不是定时器坏了
N {L}的地下通道灯坏了一半 走进去阴森森的
N {L}有盏路灯灯罩掉了 灯泡也不亮
N {L}人行道上的灯不亮了 晚上骑过去啥也看不见
N {L}的路灯杆歪了 灯也不亮
""",
    "road": """
N {L}有个大坑 电动车过去颠得要飞起来
N {L}路面塌了一小块 下雨积水看不出来
N {L}的路面全是裂缝 翘起来的地方很容易摔
N {L}井盖松了 一压就响 晃得厉害
N {L}马路牙子塌了 上坡的时候很容易翻车
N {L}修路挖的沟没填好 坑坑洼洼的
N {L}的减速带断了一截 钢钉露在外面
N {L}地砖翘起来好几块 绊了好几个人了
U {L}井盖没了 一个黑窟窿 车多的很 掉下去要出人命
U {L}井盖被偷了 晚上根本看不见 刚才一个兄弟差点掉进去
U {L}主路塌陷了一个大坑 有一米多深 赶紧来人拦一下
U {L}路中间的井盖丢了 大车小车都在绕 太危险了
N 有个坑 就在{L} 车胎都扎破了
""",
    "waterlogging": """
N {L}又积水了 下水道堵了 水一直排不出去
N {L}一下雨就淹 路边全是水 电动车过去溅一身
N {L}的排水口被树叶堵死了 积了一大滩水
N {L}有根水管爆了 哗哗往外冒水
N {L}积水好几天了 都发臭了 也没人来抽
N {L}下水道反水 路面全是污水
N {L}地库入口积水 车进不去
U {L}积水已经没过膝盖了 电动车都熄火了 千万别走
U {L}水很深 淹到座垫了 刚才有个兄弟被困在中间
U {L}的下穿通道被淹了 有辆车泡在里面 人还在车上
U {L}水漫到腰了 有人推车过不去 很危险 快来人
N {L}路边的雨水井盖被冲开了 一直往外涌水
""",
    "bike_lane": """
N {L}的非机动车道被私家车占满了 我们只能骑到机动车道上
N {L}非机动车道上全是摆摊的 根本过不去
N {L}施工围挡把自行车道堵了 也没个绕行提示
N {L}的非机动车道被货车卸货占了 每天早上都这样
N {L}电动车道上停了一排出租车 等客的
N {L}的自行车道被隔离栏杆封了一半 只剩一个人宽
N {L}非机动车道堆满了建材 骑过去得下来推
U {L}非机动车道被封了 电动车全挤到快车道跟大货车抢道 刚才差点被刮到 赶紧派人疏导
""",
    "parking": """
N {L}门口私家车乱停 把路堵了一半
N {L}共享单车堆成山了 人都过不去
N {L}的盲道上停满了电动车
N {L}有辆僵尸车停了好几个月 落满了灰
N {L}双排停车 路都堵死了 进出要绕半天
N {L}人行道上全是乱停的车 行人只能走马路
N {L}的电动车停车位被汽车占了 我们没地方停
N {L}路边的车停得乱七八糟 送单进去出不来
N {L}共享电单车乱扔 倒了一地
""",
    "traffic": """
N {L}的红绿灯坏了 一直闪黄灯
N {L}的信号灯不亮了 车都抢着走
N {L}红绿灯时间太短 行人走到一半就变了
N {L}的路口视线被广告牌挡住了 每天都差点撞车
N {L}的限速牌被撞歪了 司机都不知道限速多少
N {L}的斑马线都磨没了 老人过马路很危险
N {L}的转弯镜碎了 看不到对面来车
N {L}的红绿灯一直红灯 等了好几分钟都不变
U {L}出车祸了 一个骑手被撞倒在地上 流了好多血 快打120
U {L}两辆车撞了 有人受伤了 躺在地上起不来
U {L}一辆货车把电动车撞翻了 人压在下面 快来人
N {L}的路口天天有人逆行 早晚要出事
""",
    "fire_safety": """
U {L}楼道里一排电动车在充电 插线板拖了一地 着火了谁都跑不掉
U {L}的消防通道被车堵死了 消防车根本进不去
U {L}的安全出口被锁了 还堆满了纸箱
U {L}闻到好大一股煤气味 赶紧叫人 别点火
U {L}冒烟了 好像是哪家着火了 有人打119了吗
U {L}电线掉地上了 还在冒火花 大家别靠近
U {L}起火了 火很大 浓烟滚滚的
U {L}有根电线断了搭在铁栏杆上 怕是漏电了 千万别碰
U {L}的配电箱一直滋滋响还有焦糊味 门也开着
U {L}燃气味特别重 整个楼道都是
U {L}有人飞线充电 电线从五楼吊下来 挂在树上
N {L}的消防栓被围起来种菜了 不算特别急 但万一有事用不了
N {L}的灭火器都过期了 箱子也是空的
N {L}楼道里堆了好多杂物 挡了一半的消防通道 平时还能过人
""",
    "sanitation": """
N {L}的垃圾桶满了好几天了 没人清 臭得不行
N {L}垃圾堆成山了 苍蝇到处飞
N {L}有只死猫 好几天了 臭死了
N {L}下水道一直冒臭味 熏得人头疼
N {L}有人偷倒建筑垃圾 堆了一路
N {L}的公厕脏得没法进 满地都是
N {L}餐馆把泔水直接倒在路边 又臭又滑
N {L}的垃圾站污水流到路上 骑过去直打滑
N {L}老鼠成群 垃圾袋全被咬破了
""",
    "public_facility": """
N {L}的护栏断了好几根 一靠就晃
N {L}的长椅坏了 钉子都露出来了
N {L}公交站的站台棚子破了 下雨全淋湿
N {L}的指示牌被撞歪了 方向都指反了
N {L}的电梯坏了好久了 老人上不去
N {L}的健身器材断了一个 小孩在上面玩很危险
N {L}有根树枝断了挂在半空 晃来晃去的
N {L}的井字护栏倒了一片 一直没人扶
N {L}的扶梯停了一个月了 推车上不去
U {L}大树被风刮倒了 横在路中间 刚才差点砸到人
U {L}的广告牌快掉下来了 一直在晃 下面都是人 快拉警戒线
U {L}天桥的栏杆断了 下面就是快车道 有人靠上去就完了
""",
    "person_in_need": """
U {L}有个老人摔倒了 起不来 我在旁边陪着 谁帮忙叫个120
U {L}有个人晕倒了 叫也叫不醒
U {L}有个小孩找不到妈妈了 一直在哭 穿蓝衣服 大概五六岁
U {L}电梯困人了 里面有个老人 物业电话打不通
U {L}有个大爷躺在地上不动了 快来人
U {L}一个兄弟中暑了 脸都白了 站都站不稳
U {L}有个阿姨心脏不舒服 坐在地上喘不过气
N {L}有个独居老人 每次送餐都让我帮忙扔垃圾 社区能不能有人定期去看看
N {L}有位腿脚不便的老人 想请人帮忙把米扛上楼
N {L}有个老奶奶不会用手机叫车 经常在路边等很久 能不能有志愿者帮帮她
N {L}有个残疾人想找人帮忙办低保手续
""",
    "rider_rights": """
N {L}的保安不让外卖员进 让我们把餐放门口 顾客投诉还算我们的
N {L}物业不让骑手坐电梯 只能爬楼梯
N 平台无故扣了我两百 说我超时 明明是商家出餐慢 申诉没人理
N 站长拖欠工资一个多月了 好几个兄弟都没拿到钱
N {L}的商家天天让我们等半小时出餐 超时算我们头上
N 送餐路上被车撞了 平台说不算工伤 医药费都自己出
N {L}的保安骂我们送外卖的 还动手推人 这种能投诉吗
N 平台规则又改了 同样的距离少给两块钱 也不提前通知
N {L}商场不让骑手上厕所 看见穿骑手服的就拦
N 保险每天扣三块 出了事却说不赔 这合理吗
U {L}有个顾客在打骑手 拿头盔砸头 已经见血了 快来人
""",
    "rider_service": """
L {L}驿站的微波炉坏了 热饭要排好久的队
L {L}这一片能不能搞个充电的地方 电根本不够跑
L {L}附近一个厕所都没有 能不能给骑手开放一下
L {L}驿站的饮水机坏了 夏天连口凉水都喝不上
L {L}驿站晚上十点就关门了 夜班兄弟没地方歇脚
L {L}驿站充电要收钱了 以前不是免费的吗
L 希望{L}能多几个换电柜 每次都要排队
L {L}驿站的椅子太少了 中午休息都没地方坐
L {L}能不能搞个骑手食堂 中午只能蹲路边吃
L {L}驿站的wifi老断 想看个导航都不行
N {L}驿站空调坏了一个礼拜 里面跟蒸笼一样 有兄弟差点中暑
""",
    "suggestion": """
L 建议在{L}立个小区平面图 新来的骑手老找不着楼
L 建议{L}早晚高峰派个志愿者疏导一下 人车太多
L 提个建议 {L}能不能统一设个外卖柜 骑手不用爬楼
L 建议{L}的楼栋号做大一点 晚上根本看不清
L 能不能在{L}划一块骑手专用停车区 省得被贴条
L 建议{L}装个反光镜 转弯看不到车
L 我觉得{L}可以搞个骑手爱心驿站 大家歇歇脚
L 建议每周在群里发一下哪些路段施工 我们好提前绕路
L 建议给骑手发个社区通行卡 进出小区不用每次登记
L 提议让骑手兼任网格员 天天在外面跑 发现问题最快
""",
    "other": """
N {L}新开的酒吧天天半夜放音乐 周围的人都睡不着
N {L}有几条流浪狗专门追电动车 上周咬了一个兄弟
N {L}有人在偷电动车电瓶 这周丢了好几个
N {L}有家网吧让未成年人进 放学一堆小孩往里钻
N {L}有个黑车点 天天在门口拉客 占道还吵架
N {L}的工地晚上十二点还在打桩 吵得睡不着
U {L}有人高空抛物 一个花盆砸下来 差点砸到人
U {L}工地的塔吊在大风里晃得厉害 下面就是人行道
U {L}有条大狗没拴绳 刚咬了一个小孩 还在到处跑
""",
}

EN = {
    "lighting": """
N Street lights {L} have been out for days, pitch black at night
N The lamps {L} keep flickering on and off, can barely see the road
N Lights {L} are way too dim, nearly hit a pedestrian last night
N Half the street lamps {L} are dead since last week
N The light in the underground passage {L} is broken, super dark in there
""",
    "road": """
N Huge pothole {L}, almost lost my front wheel
N Road surface {L} is cracked and lifting, easy to fall
N The kerb {L} collapsed, watch out when you ride up
N Loose manhole cover {L}, it rattles every time a car goes over
U Manhole cover missing {L}, right in the middle of the lane, someone will fall in
U Road caved in {L}, a hole like a metre deep, cars still driving past it
""",
    "waterlogging": """
N Drain blocked {L}, there's a big puddle that never goes away
N Water main burst {L}, water gushing all over the road
N Standing water {L} again after the rain, drains not working
U The underpass is flooded {L}, water up to the seat, riders stuck inside
U Water is knee deep {L}, two e-bikes stalled in the middle, don't go there
""",
    "bike_lane": """
N Cars parked all along the bike lane {L}, we have to ride in traffic
N Food stalls set up in the e-bike lane {L} every morning
N Construction barriers block the bike lane {L}, no detour signs at all
N Delivery trucks unloading in the bike lane {L} again
""",
    "parking": """
N Shared bikes dumped all over the sidewalk {L}, can't even walk past
N Cars double parked {L}, the whole street is jammed
N Abandoned car {L} has been sitting there for months with flat tyres
N E-bikes parked all over the tactile paving {L}
""",
    "traffic": """
N Traffic light {L} is stuck on red, people just run it
N The signal {L} is out, everyone is just guessing
N Stop sign {L} got knocked down, cars fly through
N Blind corner {L}, a billboard blocks the view, near misses every day
U Accident {L}, a rider is lying on the ground bleeding, call 120
U Car hit an e-bike {L}, the guy can't get up, someone call an ambulance
""",
    "fire_safety": """
U Smoke coming out of a shop {L}, no fire truck yet
U Strong gas smell {L}, tell people not to smoke
U Live wire down {L}, it's sparking, keep away
U Fire exit chained shut {L} and boxes piled in front of it
U Cars parked across the fire lane {L}, a fire truck could never get in
U Dozens of e-bikes charging in the stairwell {L}, cables everywhere, total fire trap
N The fire extinguishers {L} are all expired, nobody checks them
""",
    "sanitation": """
N Bins overflowing {L}, trash all over the ground
N Dead dog {L} for days, the smell is awful
N Sewage smell {L}, you can smell it from the road
N Someone dumped construction waste {L}, it's piling up
N Rats everywhere around the garbage point {L}
""",
    "public_facility": """
N The railing {L} is broken, a few bars are missing
N Benches {L} are broken with nails sticking out
N The bus shelter {L} has a huge hole in the roof
N The elevator {L} has been out for two weeks, old folks can't get up
N Direction sign {L} is twisted and pointing the wrong way
U Big tree fell across the road {L}, blocking both lanes, nearly hit a rider
U The billboard {L} is hanging loose and swinging over the sidewalk
""",
    "person_in_need": """
U An old man fell {L} and can't get up, I'm with him, please call 120
U A lady collapsed {L}, she's not responding
U Lost kid {L}, about five years old, crying for his mum
U People trapped in the lift {L}, management not answering
U A rider fainted from the heat {L}, he's really pale
N There's an elderly lady living alone {L} who asks me to carry her rice upstairs, could someone visit her regularly
N A blind man {L} asked if someone could help him read his letters now and then
""",
    "rider_rights": """
N Security {L} won't let riders in, we have to leave food at the gate and then get complaints
N Platform fined me 200 for being late when the restaurant was slow, appeal ignored
N Station manager hasn't paid us for two months
N Got hurt on a delivery and the platform says it's not a work injury
N Property management {L} bans riders from the passenger lift, 30 floors by stairs
N Security guard {L} cursed at me and shoved me, I have it on video, can I complain
U A customer is beating a rider {L}, he's bleeding, come quick
""",
    "rider_service": """
L The rider station {L} only has a few battery-swap lockers, always a queue
L Could the rider station {L} stay open later, night shift has nowhere to rest
L No toilet anywhere {L} that lets riders in, can we get one opened
L Water dispenser at the rider station {L} has been broken for days
L Need more charging spots {L}, we run out of battery every afternoon
L The microwave at the rider station {L} is broken
""",
    "suggestion": """
L Suggestion: put a map of the buildings at the gate {L}, new riders always get lost
L Idea: a pickup locker at every compound gate {L}, riders save time and residents too
L Could we get a weekly list of road closures in the group so we can plan routes
L Suggest bigger building numbers {L}, impossible to read at night
L Maybe let riders work as community grid reporters, we see everything first
""",
    "other": """
N Someone keeps stealing e-bike batteries {L}, three gone this week
N Stray dogs {L} chase e-bikes every night, one bit a rider last week
N The bar {L} blasts music until 3am, neighbours can't sleep
U Someone threw a flowerpot off a balcony {L}, missed a rider by inches
U Crane {L} swinging badly in the wind over the sidewalk
""",
}

ZH_OPEN = ["", "", "", "", "兄弟们 ", "兄弟们注意 ", "家人们 ", "师傅们 ", "各位 ", "紧急！", "求助 ",
           "有没有人管管 ", "反映个情况 ", "说个事 ", "@机器人 ", "哎 ", "大家注意 ", "刚路过 ", "卧槽 ",
           "我跟你们说 ", "报告 ", "麻烦看一下 "]
ZH_CLOSE = ["", "", "", "", " 大家注意点", " 谁能管管", " 赶紧修吧", "😤", "🙏", "😭", " 定位等下发群里",
            " 已经好几天了", "！！", " 有人报了吗", " 太离谱了", " 骑慢点", "…", " 拜托了", "⚠️"]
EN_OPEN = ["", "", "", "Heads up: ", "Guys, ", "Urgent! ", "FYI ", "PSA: ", "Hey all, ", "Careful, "]
EN_CLOSE = ["", "", "", " Please fix.", " Someone report this?", " 😤", " Be careful out there.",
            " Been like this for days.", "!!", " Not ok.", " lol", " 🙏"]
ZH_NOLOC = ["这边", "我们这片", "刚路过那里", "这条路上", "楼下", "前面", "那边"]
EN_NOLOC = ["here", "near my pickup spot", "around here", "by the gate", "on my route"]

# ------------------------------------------------------------- negatives --
NEG_ZH = """
早上好兄弟们 今天也要平安
晚安 明天见
收到
好的 谢谢
哈哈哈笑死我了
今天单子好少啊 一上午才五单
有没有人一起吃午饭
谁能帮我带一单 三点前要送到 红包感谢
有人换班吗 周日想休息
新来的 请多关照
这个月冲单奖励怎么算的
积分怎么兑换啊
@机器人 你好
机器人 你能干啥
机器人 我上次报的那个事有进展吗
怎么查我上报过的记录
请问怎么报名培训
今天几点开会
App又闪退了 烦死了
今天热得要命 衣服全湿透了
这雨下个没完 烦
堵车堵了半小时 单子都超时了
又是被差评的一天
今天跑了五十单 累瘫了
有人知道哪里修电动车便宜吗
转让一个保温箱 八成新
谁有充电宝 借我用一下
顾客让我帮他带包烟 我拒绝了
这单地址写错了 客户电话也打不通 咋办
商家出餐好慢 等了二十分钟
谢谢大家昨天帮忙
辛苦了各位
明天要降温了 多穿点
大家下雨天骑慢点 注意安全
台风要来了 能不跑就别跑了
哪个兄弟在附近 帮我拿一下餐
周末有个志愿活动 有人去吗
那个坑已经补好了 效率挺高
路灯修好了 晚上亮堂多了 点赞
积水退了 现在能正常走了
上次说的井盖已经盖上了 谢谢城管
驿站的饮水机换新了 谢谢站长
之前反映的红绿灯修好了
垃圾昨天已经清走了 干净多了
昨天那个老人已经被家人接走了 没事了
消防通道的车已经挪走了
签到
打卡✅
👍👍👍
😂😂😂
哈哈
+1
同意
在吗
有人在吗
今天发工资了 开心
这个月收入还行
平台新出的规则大家看了吗
这个微党课在哪看
我今天第一次拿到五星好评
有只橘猫跟了我一路 太可爱了
等会儿下雨 带好雨衣
我车没电了 附近哪有换电柜
哪里能买到便宜的头盔
今天顾客给我小费了 哈哈
这个bot能识别语音吗
怎么在群里发定位
上报之后多久有人处理啊
积分排行榜在哪看
今天路上好多交警查头盔 大家戴好
恭喜发财 红包拿来
兄弟们周末愉快
吃了吗
我到了 在楼下等你
我先下线了 明天见
这单太远了 不想接
系统派单越来越离谱了
周六有人约球吗
明天早班谁来
刚才那个顾客人挺好的 还给了瓶水
晚高峰谁来顶一下 家里有事
今天又被狗追了哈哈 还好跑得快
换了新车 骑起来真爽
有人知道高温补贴怎么领吗
这个活动怎么参加
谁有站长电话 发我一下
我的账号被封了 怎么申诉
天气预报说明天暴雨 大家看着点
哎 今天又超时了两单
这破天气 一会儿晴一会儿雨
大家觉得新的配送箱好用吗
刚看新闻 说要修地铁了
哪家的盒饭好吃推荐一下
排队取餐排了半小时 绝了
堵死了 前面一眼望不到头
今天风好大 骑车都歪
终于下班了 回家睡觉
有人顺路去火车站吗 帮我捎个东西
我在万达这边 谁需要帮忙带单
刚才那个小区绕了三圈才找到楼
""".strip().splitlines()

NEG_EN = """
Morning everyone, stay safe today
Good night all
Thanks guys
lol that's hilarious
Anyone want to grab lunch?
Who can take my 3pm order? I'll send a red packet
Anyone want to swap shifts on Sunday?
How do I redeem my points?
Bot, what can you do?
What's the status of my last report?
How do I check my report history?
When is the training session?
The app keeps crashing, so annoying
So hot today, I'm melting
This rain never stops
Stuck in traffic for 40 minutes, all my orders are late
Got a one-star review for no reason, great day
Did 50 orders today, exhausted
Anyone know a cheap e-bike repair shop?
Selling a delivery box, barely used
Can someone lend me a power bank?
Customer gave me a 10 yuan tip today haha
The restaurant is so slow, waiting 20 minutes already
Thanks for covering for me yesterday
The pothole I reported got fixed, nice work
The street lights are back on, thanks whoever fixed them
Water's gone down now, road is fine again
The blocked fire lane was cleared this morning, all good now
Ok
Got it
👍
Haha
Anyone around?
New here, hi everyone
Payday today!
Has anyone read the new platform rules?
Where do I watch the micro lesson?
Is there a meetup this weekend?
Typhoon coming tomorrow, take care
Ride slow in the rain guys
Which noodle place near the station is good?
Just finished my shift, going home
My battery is almost dead, where's the nearest swap cabinet?
Does the bot understand voice messages?
How long does it take for a report to be handled?
Traffic is insane today
It's so windy my bike is swaying
Who's on the early shift tomorrow?
I'm downstairs, come get your food
Happy weekend everyone
Can someone pick up an order for me near the mall? Red packet for you
Anyone going towards the train station? Need to drop something off
Lol a cat followed me for three blocks today
Good luck everyone on the rush hour
""".strip().splitlines()

# templated negatives that mention places and problem words but are not reports
NEG_ZH_T = [
    "{L}的路灯已经修好了 谢谢", "{L}那个坑补上了 👍", "{L}的积水退了 可以走了", "上周说的{L}井盖已经盖好了",
    "谁在{L} 帮我带一单", "我在{L}等餐 谁顺路一起", "{L}这单谁接一下 红包20", "有没有人在{L}附近 借个充电宝",
    "{L}那边的单子太远了 不想跑", "机器人 {L}那个事处理得怎么样了", "{L}的红绿灯修好了 终于不用等了",
    "{L}那家店的饭挺好吃", "明天{L}有志愿活动 有人去吗", "{L}今天好堵啊 堵了半小时", "刚到{L} 顾客电话打不通",
    "{L}驿站的空调修好了 凉快", "谢谢城管 {L}的垃圾清走了",
]
NEG_EN_T = [
    "Anyone {L}? Need someone to take an order", "The pothole {L} got patched, nice",
    "Street lights {L} are fixed now, thanks", "Stuck in traffic {L} again, ugh",
    "Who's {L}? Let's grab lunch", "Bot, any update on my report {L}?", "Waiting for food {L}, so slow today",
]


def _noise_zh(rng: random.Random, s: str) -> str:
    r = rng.random()
    if r < 0.25:
        s = s.replace(" ", "")  # voice-to-text run-on
    elif r < 0.35:
        s = s.replace(" ", "，")
    if rng.random() < 0.08:
        s = s.replace("的", "滴", 1)
    return s


def _parse(block: str) -> list[tuple[str, str]]:
    out = []
    for line in block.strip().splitlines():
        line = line.strip()
        if line:
            code, text = line.split(" ", 1)
            out.append(({"U": "urgent", "N": "normal", "L": "low"}[code], text))
    return out


def generate(n_per_phrase: int = 3) -> list[dict]:
    rng = random.Random(SEED)
    rows: list[dict] = []

    def add(text, lang, is_report, cat=None, urg=None, loc=None):
        text = text.strip()
        if loc is not None:
            assert loc in text, (loc, text)
        rows.append({"text": text, "lang": lang, "is_report": is_report, "category": cat,
                     "urgency": urg, "location": loc})

    for cat, block in ZH.items():
        for urg, phrase in _parse(block):
            for k in range(n_per_phrase):
                if "{L}" in phrase and (k < n_per_phrase - 1 or rng.random() < 0.5):
                    label, rendered = zh_location(rng)
                    body = phrase.replace("{L}", rendered)
                    loc = label
                else:
                    body = phrase.replace("{L}", rng.choice(ZH_NOLOC) if "{L}" in phrase else "")
                    loc = None
                text = rng.choice(ZH_OPEN) + body + rng.choice(ZH_CLOSE)
                text = _noise_zh(rng, text)
                if loc is not None and loc not in text:  # noise removed a space inside the label
                    loc = None if " " in loc else loc
                add(text, "zh", True, cat, urg, loc)
    for cat, block in EN.items():
        for urg, phrase in _parse(block):
            for k in range(n_per_phrase):
                if "{L}" in phrase and k < n_per_phrase - 1:
                    label, rendered = en_location(rng)
                    body = phrase.replace("{L}", rendered)
                    loc = label
                else:
                    body = phrase.replace(" {L}", " " + rng.choice(EN_NOLOC) if "{L}" in phrase else "")
                    loc = None
                text = rng.choice(EN_OPEN) + body + rng.choice(EN_CLOSE)
                if rng.random() < 0.15:
                    text = text.lower()
                    loc = loc.lower() if loc else None
                add(text, "en", True, cat, urg, loc)
    for s in NEG_ZH:
        add(s, "zh", False)
        if rng.random() < 0.3:
            add(rng.choice(ZH_OPEN[4:]) + s + rng.choice(["😂", "🙏", " 哈哈", "", "👍"]), "zh", False)
    for s in NEG_EN:
        add(s, "en", False)
    for t in NEG_ZH_T:
        for _ in range(3):
            _, rendered = zh_location(rng)
            add(_noise_zh(rng, t.replace("{L}", rendered)), "zh", False)
    for t in NEG_EN_T:
        for _ in range(3):
            _, rendered = en_location(rng)
            add(t.replace("{L}", rendered), "en", False)
    # de-duplicate and shuffle deterministically
    seen = set()
    uniq = []
    for r in rows:
        if r["text"] not in seen:
            seen.add(r["text"])
            uniq.append(r)
    rng.shuffle(uniq)
    for i, r in enumerate(uniq, 1):
        r_id = {"id": f"t{i:04d}"}
        r_id.update(r)
        uniq[i - 1] = r_id
    return uniq


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "data" / "intake" / "train.jsonl"))
    ap.add_argument("--dev", default="/work/shared/intake/dev.jsonl",
                    help="only used to assert that no generated line equals a dev line")
    args = ap.parse_args()
    rows = generate()
    dev_texts = set()
    try:
        with open(args.dev, encoding="utf-8") as f:
            dev_texts = {json.loads(line)["text"] for line in f if line.strip()}
    except OSError:
        pass
    clash = [r["text"] for r in rows if r["text"] in dev_texts]
    if clash:
        raise SystemExit(f"generated lines equal dev lines: {clash[:3]}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    n_rep = sum(r["is_report"] for r in rows)
    print(f"wrote {len(rows)} lines ({n_rep} reports, {len(rows) - n_rep} negatives) to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
