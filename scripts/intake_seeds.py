"""Seed lists for scripts/make_intake_data.py (second generation of the corpus).

Written from the labelling contract (shared/intake/taxonomy.md) and the kinds of
misses listed in issue 14, from how riders write in work chats. Nothing here is
taken from, or added because of, the shared dev set.

Codes: U urgent, N normal, L low. {L} is a place slot filled by the generator.
"""
from __future__ import annotations

# ----------------------------------------------------------- more reports --
# Casual, slangy, typo'd, question-shaped phrasings per category. Urgency
# follows the contract: danger to a person is urgent however casually put;
# an inconvenience is not urgent however loudly put.
ZH_MORE = {
    "lighting": """
N {L}路灯又罢工了 黑灯瞎火的 送单全靠手电
N 有没有人管管{L}的路灯啊 黑了一个礼拜了
N {L}那排灯一闪一闪的 跟蹦迪似的
N {L}的灯暗得跟没开一样 地上有啥都看不清
N 紧急紧急！！{L}路灯全不亮！！快来修！！
N {L}路灯坏了 晚上骑过去心里发毛 这算谁管的
N {L}的路登坏了好久了 晚上啥也看不见
N 说真的 {L}的路灯是装饰品吗 从来没亮过
N {L}楼道口的灯也不亮 老人摸黑上下楼
N {L}street light坏了 黑乎乎的
N {L}地下通道的灯全灭了 走进去伸手不见五指
N 谢谢啊 {L}的路灯终于省电省到一盏都不亮了
N {L}路灯杆上的灯罩掉下来半边 灯也不亮
N {L}那几盏灯白天亮晚上灭 真是绝了
""",
    "road": """
N {L}那个坑又大了 谁骑过去谁知道
N {L}马路牙子塌了一块 上坡的时候差点翻车
N {L}的路牙子碎了 电驴一磕就歪
N {L}道牙子塌了 车轮卡进去好几次
N {L}路面裂了好长一条缝 下雨就往里灌水
N {L}有个坑 不大不小 刚好卡轮子 烦死了
N 有没有人管管{L}的路啊 坑坑洼洼跟月球表面一样
N {L}的井该松了 一压就哐当响
N {L}的井盖翘起来一边 骑过去咯噔一下
N 感谢{L}的坑 让我今天又免费做了一次过山车
N {L}修完路就没人管了 补丁摞补丁 颠死
N {L}的地砖全松了 一踩一脚泥水
U {L}井盖没了！！是个黑洞 车来车往的 谁掉下去就完了
U {L}的井盖被掀开了 就在主路上 晚上根本看不见
U {L}路中间井盖没了 好多车在那急刹 快找人来
U {L}塌了个大坑 一米多深 车还在旁边过
U {L}井盖不见了 洞口啥也没围 已经有人差点掉下去了
U 哈哈{L}井盖没了 我差点连人带车掉进去 吓死
U {L}井盖丢了 有个小孩在旁边玩 太危险了
""",
    "waterlogging": """
N {L}又成海了 下水道堵得死死的
N {L}积水一大片 鞋都湿透了 排水口被垃圾堵了
N {L}下雨就看海 每次都这样 没人管吗
N {L}的水管爆了 水哗哗往外冒 路上都是水
N {L}几水好几天了 都发绿了
N {L}的下水道返水 一股臭水漫到路上
N {L}积水不深 但是一直不退 骑过去溅一身
N {L}路边有个消防栓漏水 一直在流
N {L}地库进水了 车都泡了轮子
U {L}的桥洞淹了 水到大腿了 还有车往里冲 快拦一下
U {L}积水没过膝盖了 有个兄弟的车熄火在中间 人推不动
U {L}下穿隧道水很深 一辆小车被困在里面 里面有人
U {L}水好深 都淹到电动车座子了 还有人往里骑 要出事的
U 呃 {L}水到腰了 有个大爷在水里走 看着很危险
""",
    "bike_lane": """
N {L}的非机动车道又被车占满了 我们只能骑到机动车道上去
N {L}自行车道上全是摆摊的 根本过不去
N {L}非机道被施工围挡占了 电驴只能跟大车抢道
N {L}的慢车道停了一排货车 每天都这样
N 有没有人管管{L}的非机动车道 天天停满私家车
N {L}的电动车道上堆了一堆建筑垃圾 骑过去得绕到快车道
N {L}非机动车道被共享汽车占了 我们被挤到大车旁边
N 呵呵 {L}的非机动车道是专门给汽车停的吧
N {L}bike lane被占了 全是车
""",
    "parking": """
N {L}门口的车停得乱七八糟 我电驴都推不进去
N {L}共享单车倒了一地 人都过不去
N {L}有辆车停在人行道上好几天了 挡着路
N {L}的僵尸车放了大半年了 轮胎都瘪了
N {L}路边双排停车 过都过不去
N {L}盲道上停满了电动车 盲人怎么走
N 服了 {L}门口天天有人乱停车 出不去也进不来
N {L}的小黄车堆成山了 把出口全堵了
N {L}的电动车停车区被汽车霸占了
""",
    "traffic": """
N {L}红路灯坏了 一直闪黄灯 车都乱走
N {L}的信号灯不亮了 路口乱成一锅粥
N {L}的红绿灯时间太短 根本过不去
N {L}路口没有斑马线 行人都是硬穿
N {L}的限速牌被撞倒了 躺在路边
N {L}路口有个大树挡着视线 右拐根本看不见车
N {L}那个路口天天有车逆行 迟早出事
N {L}的停车让行标志被撞倒在地上
N {L}的交通标志牌被风吹歪了 看不清
N 有人知道{L}的红绿灯归谁管吗 坏了好几天了
U {L}出车祸了 一个骑手被撞飞了 躺地上没动
U {L}撞车了 有人头上流血 快叫救护车
U {L}电动车跟小车撞了 骑车的腿压车底下了
U {L}有个外卖小哥被车刮倒 起不来了 在流血
U 卧槽 {L}刚刚两车相撞 有人卡在车里出不来
""",
    "fire_safety": """
U {L}冒黑烟了 好像是着火了
U {L}有股煤气味 很浓 是不是漏气了
U {L}楼道里一排电动车在充电 电线拉得到处都是
U {L}电线掉在地上了 还在冒火花
U {L}的消防通道被车堵死了 消防车根本进不去
U {L}的安全出口被锁了 还堆满了纸箱
U {L}有人在楼道里给电瓶充电 插线板都烧黑了
U {L}变压器在冒烟 还有噼啪声
U {L}天然气味好重 整层楼都是 谁来看看
U 那个 {L}好像着火了 有烟从窗户出来
U {L}着伙了 火挺大的
U {L}的电线被挖断了 露着铜丝 下雨天有人踩过去
U {L}充电桩冒烟了 旁边停了一排电动车
U 笑死 {L}又有人把电瓶拿回家充 楼道全是线 出事就是一栋楼
U {L}的消防通道堆满了杂物和电动车 根本过不去人
N {L}的灭火器箱子是空的 好久没人检查了
N {L}的消防栓锈死了 也没人维护
""",
    "sanitation": """
N {L}的垃圾桶满得溢出来了 臭到不行
N {L}垃圾堆成山了 好几天没人收
N {L}有只死猫 好几天了 臭得要命
N {L}的化粪池冒出来了 一股粪味
N {L}的垃圾站苍蝇嗡嗡的 进去送单都要屏住呼吸
N 救命 {L}的垃圾臭死了 几天没人清了
N {L}路边一堆装修垃圾 没人管
N {L}公厕堵了 污水流了一地
N {L}的泔水桶翻了 地上油乎乎的
N 太香了 {L}的垃圾堆都发酵一礼拜了 真是谢谢环卫了
N {L}绿化带里全是垃圾 外卖盒子一大堆
""",
    "public_facility": """
N {L}的护栏断了一截 没人修
N {L}公交站的棚子漏雨 等车全淋湿
N {L}的长椅坏了 钉子都露出来了
N {L}的指示牌被撞倒了 躺在地上
N {L}的路牌被人撞歪了 倒在路边
N {L}公园的健身器材坏了好久了
N {L}的天桥电梯停运一个月了 推车上不去
N {L}的树枝断了挂在那 风一吹就晃
N {L}的一棵树倒了 横在人行道上 人只能绕
N {L}的扶手松了 老人上坡扶着晃
N {L}地铁口的扶梯又坏了 天天坏
U {L}的大树被风刮倒了 砸在路中间 还压着一辆车
U {L}的广告牌快掉下来了 下面就是人行道 人来人往
U {L}天桥栏杆断了 边上就是马路 小孩在旁边跑
U {L}有块招牌被风吹得要掉了 摇摇晃晃 下面全是人
""",
    "person_in_need": """
U {L}有个老人摔倒了 起不来 身边没人
U {L}有个人躺在路边 怎么叫都没反应
U {L}一个小孩找不到妈妈了 一直哭
U {L}有个阿姨突然晕倒了 脸色煞白
U {L}电梯坏了 里面困着人 在喊
U {L}有个大爷好像中暑了 坐在地上起不来
U {L}路边一个人抽搐 口吐白沫 谁懂急救
U {L}有个孕妇肚子疼得站不起来 身边没人
U 不是 {L}有个老太太倒在地上半天了 都没人管吗
U {L}一个醉汉躺在马路中间 车都在绕
U {L}有个兄弟送单摔了 头磕破了 一直流血
U {L}有个老人迷路了 说不出家在哪 天快黑了
N {L}有个老奶奶买了一堆菜提不动 想找人帮忙送上楼
N {L}有个独居老人 家里水管坏了自己弄不了 想找社区帮忙
N {L}有位老人想学用手机挂号 问有没有志愿者能教
N {L}有个残疾大哥想申请轮椅 不知道找谁
""",
    "rider_rights": """
N 平台又无故扣我钱 申诉了三次都驳回
N 站长拖了两个月工资 问就说下个月
N {L}的保安不让骑手进 让我们在门口等 顾客又不下来
N {L}物业规定骑手不能坐电梯 三十楼走上去
N 送单路上摔了 站点说不算工伤 医药费自己掏
N 差评不是我的错 平台还是罚了我 太不公平了
N {L}的商家骂骑手 还动手推人
N 单价一降再降 跑一天还不够油钱 有没有人管
N {L}保安把我电动车钥匙拔了 说不让停 扣着不还
N 说好的冲单奖励 结果一分没给 客服也不回
N 被顾客投诉说态度不好 其实是他自己下错了地址 平台直接罚款
N 外卖柜收费还要从我们这扣钱 凭啥
N 感谢平台 跑满一个月 工资被扣得只剩一半 真是太感谢了
U {L}有人拿刀追着一个骑手砍 快报警
U {L}顾客把骑手推下楼梯了 人躺着不动
""",
    "rider_service": """
L {L}附近能不能弄个充电的地方 每次都要跑好远
L {L}这边一个能歇脚的地方都没有 中午只能坐马路边
L 希望{L}的驿站能开到晚上 夜班兄弟没地方去
L {L}驿站的饮水机坏了 能不能修一下
L 大热天的 {L}能不能有个地方给骑手喝口水
L {L}附近找个厕所太难了 商场都不让进
L 驿站的微波炉能不能多放一个 中午排长队
L {L}驿站能不能装个空调 夏天热死了
L 有没有地方可以给骑手免费充电的 {L}附近
L 想问下{L}有没有骑手休息点 下雨没地方躲
L {L}的换电柜老是没电池 换不了
L 能不能在{L}搞个骑手午休的地方 有个板凳就行
""",
    "suggestion": """
L 我觉得{L}可以装个反光镜 拐弯的时候好看到车
L 建议{L}每栋楼都贴个楼号 晚上好找
L 建议社区搞个骑手通行码 进小区不用登记半天
L 可以在{L}画几个临时停车位给骑手 取餐就几分钟
L 能不能在{L}设个外卖放置架 不用每次上楼
L 提个建议 {L}的路口能不能加个行人信号灯
L 建议把{L}的小区平面图放在门口 送单好找
L 如果能在{L}搞个骑手之家就好了 平时还能一起学习
L 建议社区定期组织骑手安全培训 顺便讲讲交规
L 提议 每个小区门口都设个外卖柜 大家都方便
L 建议{L}的单元门口装个门铃 顾客不接电话也能叫
""",
    "other": """
N {L}的广场舞太吵了 晚上十点还在跳
N {L}有人偷电瓶 我的刚被偷了
N {L}的流浪狗追着骑手咬 好几个兄弟被追过
N {L}楼上天天往下扔垃圾 差点砸到人头上
N {L}工地半夜施工 噪音大得睡不着
N {L}有人在小区里养鸡 味道大 还吵
N {L}有个黑中介天天在门口拉人 还骚扰路人
N {L}有人私拉网线 挂得很低 骑车老碰头
U {L}高空抛物 一个花盆刚砸下来 差点砸到人
U {L}有条狗把一个小孩咬了 还在追人
U {L}的塔吊晃得厉害 下面有人在干活
""",
}

EN_MORE = {
    "lighting": """
N streetlight {L} broken for a week now, so dark
N lamp {L} no light, very dark at night, cannot see road
N Anyone else notice the lights {L} are dead again?
N Thanks city, the lights {L} have been off for 10 days, love riding blind
N the light of road {L} is not bright, danger for riders
""",
    "road": """
N there is big hole in road {L}, my bike almost fall
N curb {L} broken, sharp pieces everywhere
N road {L} all bumpy and cracked, who fixes this?
N Loose manhole lid {L}, clanks every time
U manhole cover missing {L}!! just a black hole on the main road
U no manhole cover {L}, a kid almost fell in, please send someone
U lol someone stole the manhole cover {L}, I nearly fell in
""",
    "waterlogging": """
N water everywhere {L}, drain blocked again
N big puddle {L} for 3 days, nobody pump it
N pipe broken {L}, water coming out of the road
U underpass {L} flooded, water up to my knees, car stuck inside
U water very deep {L}, cannot pass, one rider fall in water
""",
    "bike_lane": """
N cars parking in bike road {L}, we must ride with trucks
N bike lane {L} full of food stalls again, cannot pass
N construction fence took the whole e-bike lane {L}
""",
    "parking": """
N so many shared bike throw {L}, block the door
N car park on sidewalk {L} for many days
N cars parked on both sides {L}, can't get through with the bike
""",
    "traffic": """
N traffic light {L} not working, all cars go crazy
N signal {L} stuck on yellow since morning
N the stop sign {L} got knocked over and is lying on the ground
U car accident {L}, one man blood on head, call ambulance please
U rider got hit {L}, he's not moving
""",
    "fire_safety": """
U smell gas very strong {L}, maybe leak
U smoke coming out the window {L}, I think fire
U electric wire fall down {L}, have spark
U people charging e-bikes in the hallway {L}, wires everywhere, fire risk
U fire lane {L} fully blocked by cars, fire truck can't get in
""",
    "sanitation": """
N trash {L} not collected for a week, smell very bad
N dead cat {L}, nobody take it away
N bins overflowing {L}, flies everywhere
""",
    "public_facility": """
N bench {L} broken, nails sticking out
N bus stop roof {L} has a hole, everyone gets wet
N sign {L} knocked over, lying on the pavement
N handrail {L} loose, old people hold it and it shakes
U big tree fall down {L}, block the road, almost hit a car
""",
    "person_in_need": """
U old man fall down {L}, cannot get up
U a woman fainted {L}, not waking up
U small kid lost {L}, can't find his parents, crying
U someone stuck in the elevator {L}, shouting for help
U a passer-by {L} is having a seizure, anyone know first aid
N old lady {L} needs help carrying groceries upstairs, any volunteers?
""",
    "rider_rights": """
N platform take my money for no reason, appeal rejected
N station boss not pay salary two months
N security {L} no let rider go in, we wait in rain
N Fell on shift and they say it's not a work injury, I pay the hospital myself
N got fined because customer gave wrong address, so unfair
""",
    "rider_service": """
L need a place to charge battery {L}, always run out
L no toilet for riders {L}, shops don't let us in
L can the rider station {L} stay open at night?
L hot day, no water {L}, could we have a water point
""",
    "suggestion": """
L suggest put building numbers bigger {L}, hard to find at night
L maybe add a pickup shelf {L} so riders don't go upstairs
L idea: riders could help patrol for hazards and get points
""",
    "other": """
N dogs {L} chase riders every night
N battery stolen {L}, second time this month
N karaoke {L} super loud till 1am
U someone throw flower pot from balcony {L}, almost hit me
""",
}

# Style wrappers applied to a report body {B}. The body already carries the
# place. Each wrapper keeps the label of the body.
ZH_WRAP = [
    "{B}", "{B}", "{B}",
    "{B}？有人管吗", "{B} 这个找谁反映啊", "请问{B} 归哪个部门管", "{B} 能不能上报一下",
    "{B} 真的服了", "{B} 无语子", "{B} 我真的会谢", "{B} 绝了", "{B} 离谱", "{B} 栓Q",
    "气死了 {B}", "有一说一 {B}", "咱就是说 {B}", "啊这 {B}", "家人们谁懂啊 {B}",
    "今天真是累死 早上跑了二十单 中午饭都没吃上 {B} 晚上还得接娃",
    "刚送完一单 顾客还挺好 给了瓶水 对了 {B} 然后我就去下一单了",
    "跟大家说个事 今天下午在商场等餐等了半小时 出来的时候发现{B} 算了不说了 继续跑",
    "早上出门的时候下雨 一路骑过来 {B} 顺便吐槽一下今天单子真少",
    "{B} 我先跑单了 回头再说", "{B} 拍了照 等下发群里",
    "兄弟们 {B}", "家人们 {B}", "各位师傅 {B}", "@机器人 {B}", "反映个情况 {B}",
    "{B}😡", "{B}😭😭", "{B}！！！", "{B}🙏🙏", "{B} 麻烦了",
]
EN_WRAP = [
    "{B}", "{B}", "{B}",
    "{B}. Who do I report this to?", "{B}, anyone know who handles this?", "Is anyone going to fix this? {B}",
    "{B}. Seriously??", "ugh {B}", "{B} smh", "{B}, great job city 🙄",
    "Long day, 30 orders, no lunch, and then {B}. Anyway back to work",
    "Just finished a drop-off, customer was nice. Oh and {B}",
    "Guys, {B}", "Heads up, {B}", "FYI {B}", "@bot {B}", "{B}!!!", "{B} 😡", "{B} pls help",
]

# Two topics in one message: a normal gripe plus a life-safety one; the
# urgent one wins (category, urgency and place come from the urgent body).
ZH_TWO = [
    "今天单子好少 {U}", "{N_} 还有 {U}", "{U} 另外{N_}", "吐槽一下{N_} 哦对了 {U}",
    "先说个小事{N_} 更要紧的是{U}",
]
EN_TWO = ["{N_}. Also, more important: {U}", "{U}. Oh and {N_}", "slow day today. {U}"]

# Typos, homophones and slang riders use (applied at random, both sides kept
# in the corpus so the models see both spellings).
ZH_TYPO = [
    ("路灯", "路登"), ("井盖", "井该"), ("积水", "几水"), ("着火", "着伙"), ("摔倒", "摔到"),
    ("晕倒", "晕到"), ("红绿灯", "红路灯"), ("坏了", "坏勒"), ("电动车", "电驴"), ("电动车", "小电驴"),
    ("非机动车道", "非机道"), ("非机动车道", "慢车道"), ("马路牙子", "路牙子"), ("马路牙子", "道牙子"),
    ("没有", "木有"), ("什么", "啥"), ("这样", "酱紫"), ("垃圾", "拉圾"), ("漏电", "漏店"),
    ("不亮", "不量"), ("的", "滴"), ("了", "辣"), ("下水道", "下水到"), ("危险", "危陷"),
    ("骑手", "小哥"), ("外卖", "wm"), ("知道", "造"), ("厕所", "茅房"), ("巷子", "胡同"),
]
EN_TYPO = [
    ("light", "lite"), ("street", "st"), ("broken", "brokn"), ("please", "pls"), ("there", "ther"),
    ("manhole", "man hole"), ("water", "watr"), ("because", "cuz"), ("you", "u"), ("are", "r"),
]

# --------------------------------------------------------- hard negatives --
# Non-reports that share vocabulary with each category; past / resolved /
# hypothetical / second-hand / notices / false alarms / rider logistics.
ZH_HARD_NEG = """
今晚月亮好亮 骑车都不用开灯
我电动车的大灯坏了 谁知道哪里修车便宜
车灯不亮了 先去修个车 晚点上线
过年了 小区门口挂上灯笼了 挺好看
{L}的路灯上周已经修好了 现在亮堂多了
之前群里说的{L}路灯 今天看已经亮了
我家台灯坏了 有推荐的吗
头灯买哪个牌子的好 夜里送单用
这条路太远了 一单才几块钱
{L}那个坑昨天补好了 骑着挺平的
我电动车轮胎被扎了 附近哪能补胎
导航又把我带到{L}的断头路去了 绕了一大圈
上个月{L}塌的那个坑早修好了
口渴死了 谁有水分我一口
下雨了 大家带好雨衣 注意路滑
如果{L}又积水了 应该打哪个电话
去年夏天那场大水 我在桥洞里推了半小时车 想起来都怕
{L}的积水已经退了 可以正常走了
今天淋成落汤鸡 衣服湿透了
今天火力全开 冲了五十单
这家火锅店生意真火 排队排到门外
热得我要着火了 这天气
【通知】本周五下午三点{L}开展消防演练 请居民配合
【温馨提示】天干物燥 请大家注意用火用电安全 不要在楼道充电
刚才说的煤气味是隔壁在炖肉 虚惊一场
误报 {L}那个烟是烧烤摊的 没着火
如果发现着火 应该先打119还是先跑
听说隔壁城市昨天有个小区着火了 好吓人
新闻说南方好多城市发大水了
我朋友说他们老家那边路灯都是太阳能的
昨天{L}那场火已经灭了 没人受伤
去年那起车祸还记得吗 后来那个兄弟好了没
万一路上遇到车祸 我们应该怎么处理
前面红灯等了好久 今天太不顺了
今天路上交警在查头盔 大家戴好
{L}的红绿灯修好了 不用再抢了
我车停在{L}门口了 谁帮我看一眼
停车场在哪 第一次来{L}
今天{L}车好多 堵了二十分钟
我妈今天生日 早点收工回家
有个大爷让我帮他把外卖拿上楼 顺手的事
刚才那个晕倒的大爷家里人来接了 没事了
上午{L}那个走丢的小孩找到了 家长接走了
谁在{L}附近 帮我取个餐 我这单超时了
保安大哥人挺好 今天还帮我指路
这个月工资发了 还多了奖励 开心
平台新出的保险规则大家看了吗 怎么买
站长今天请大家喝奶茶 好评
驿站今天的盒饭挺好吃
谢谢驿站 空调修好了 中午能睡会了
谁有充电宝借我用下 手机没电了
我建议你今晚早点睡 明天早班
大家戴好头盔 注意安全
建议大家夏天多喝水 别中暑了
公园的长椅坐着好舒服 休息一会儿
电梯好挤 等了三趟才上去
今天电梯排队排了十分钟 高峰期太难了
这饭馊了 商家做的什么玩意 差评
我把垃圾带下楼了 顺便扔了
非机动车道今天好宽敞 骑得真爽
早高峰自行车道人好多 大家慢点骑
{L}这单谁接 顺路的兄弟
我在{L}等餐 谁一起吃饭
机器人 我上次报的{L}那个事处理了吗
怎么上报路灯坏了 要发什么格式
请问上报的问题多久有人处理
有人知道{L}几点关门吗
{L}今天有活动 好多人
今天风好大 差点把我吹倒 哈哈
天气预报说明天暴雨 早点出门
上次反映的{L}井盖已经盖好了 谢谢
之前{L}的垃圾堆清走了 干净多了
消防车刚过去 不知道哪里的 估计有演练
看视频里那个骑手被撞 好惨 大家骑车慢点
刚梦见我掉进坑里了 吓醒
谁知道{L}的驿站几点开门
我的电瓶快没电了 附近哪有换电柜
要是哪天井盖没了 我们是报城管还是报市政
社区发通知说下周{L}停水 大家知道一下
{L}明天上午停电检修 送单注意电梯不能用
这狗好可爱 顾客家的
今天被狗追了 哈哈 还好跑得快
""".strip().splitlines()

EN_HARD_NEG = """
My bike headlight is broken, where can I get it fixed cheap?
The street lights {L} are working again, nice
Christmas lights {L} look amazing tonight
That pothole {L} got fixed yesterday, smooth now
Got a flat tyre, anyone know a repair shop nearby?
So thirsty, anyone have water?
Rain again, wear your raincoats guys
What number do we call if the underpass floods?
Remember the big flood last summer? crazy times
Water {L} has drained, road is fine now
We are on fire today, 40 orders already
That hotpot place is fire, highly recommend
Notice: fire drill {L} on Friday 3pm, please cooperate
False alarm, the smoke {L} was just a BBQ stall
If there's a fire in a building, do we call 119 first?
Saw on the news a flood in another city, scary
The fire {L} yesterday is out, nobody hurt
What should we do if we see an accident?
Long red light, so annoying today
Police checking helmets today, wear yours
Parked my bike {L}, can someone watch it for a min?
Traffic {L} is insane today
That lost kid {L} was found, parents picked him up
Security guy {L} was nice today, showed me the way
Got paid today, with bonus!
The rider station lunch was good today
Anyone have a power bank to lend?
Remember to wear your helmets everyone
Elevator is so crowded, waited 3 rounds
Bike lane is empty today, smooth ride
Who can take this order {L}? I'm running late
Bot, what happened to my report about {L}?
How do I report a broken light to the bot?
Anyone know when the shop {L} opens?
Windy today, nearly got blown over lol
The manhole {L} I reported last week got covered, thanks
Power cut tomorrow morning {L}, lifts won't work, plan your drops
Cute dog at the customer's place today
""".strip().splitlines()

# ------------------------------------------------------ hand-written lines --
# cat|urg|location|text ; "-" for none. Written from the contract, one by one.
HAND = """
lighting|normal|团结路|团结路的路灯都坏了快一个月了 我每天晚上十点从那过 黑得跟煤窑一样 有没有人能报一下
lighting|normal|-|咱们这片路灯是不是都欠费了 一盏都不亮
lighting|normal|金沙湾小区东门|金沙湾小区东门那个灯一直一闪一闪的 晃眼睛
lighting|normal|Meilong Rd|the lamps on Meilong Rd been off since Monday, pitch dark
road|urgent|民主路和红旗路交叉口|民主路和红旗路交叉口的井盖没了 好大一个洞 车都在绕 天黑了肯定有人掉
road|normal|-|楼下马路牙子塌了 送单推车上不去 每次都得绕
road|normal|桂花苑北门|桂花苑北门出来那段路全是坑 雨天根本分不清哪是水哪是坑
road|urgent|-|我靠 井盖没了 就在主路中间 差点栽进去 谁赶紧报一下
waterlogging|urgent|长虹路下穿隧道|长虹路下穿隧道淹了 水都到车窗了 里面还有辆车没出来
waterlogging|normal|育才路|育才路又积水 不深 就是脏 骑过去一腿泥
waterlogging|normal|-|楼下的下水道堵了好几天 一股味 水也不退
bike_lane|normal|文化路|文化路非机动车道天天被车占着 我们只能在大车边上骑 每天心惊胆战
bike_lane|normal|Honghua Ave|the bike lane on Honghua Ave is full of parked vans every morning
parking|normal|银河广场|银河广场门口电动车停得乱七八糟 我推车都进不去
parking|normal|-|小区门口一溜车双排停 出都出不去
traffic|urgent|前进路路口|前进路路口刚刚一个骑手被货车刮倒了 腿在流血 有人打120了吗
traffic|normal|友谊路与开元路交叉口|友谊路与开元路交叉口的红绿灯坏了 一直闪黄 大家过的时候小心
traffic|normal|-|路口的限速牌被撞倒了 就躺在地上
fire_safety|urgent|凤凰花园3栋|凤凰花园3栋楼道里停满电动车在充电 插线板冒烟了
fire_safety|urgent|-|楼下那家饭馆后厨冒浓烟 闻着像是着火了
fire_safety|urgent|荔枝路|荔枝路上一根电线断了垂到地上 还冒火星子
fire_safety|urgent|明珠大厦|明珠大厦的消防通道被锁了 里面全是人
sanitation|normal|石榴小区南门|石榴小区南门的垃圾桶满了三天了 臭得熏人
sanitation|normal|-|路边有条死狗 好几天没人收 苍蝇乱飞
public_facility|normal|临江公园|临江公园那个长椅塌了 老人坐上去差点摔了
public_facility|urgent|望江路|望江路一棵大树倒了 横在路中间 把一个骑手压住了
public_facility|normal|-|公交站的顶棚破了个大洞 下雨等车全淋湿
person_in_need|urgent|碧水家园|碧水家园门口有个老太太摔了 起不来 头上有血
person_in_need|urgent|-|路边有个人晕倒了 叫不醒 谁在附近
person_in_need|normal|蓝天小区|蓝天小区有个独居老大爷 腿脚不好 想请社区帮忙买菜
person_in_need|urgent|-|有个小孩在商场门口哭 找不到家长了
rider_rights|normal|-|平台说我超时罚了二十 可是是商家出餐慢 申诉也没用
rider_rights|normal|春晓花园|春晓花园保安死活不让骑手进 顾客又不肯下来 这单只能超时
rider_rights|normal|-|站点已经两个月没发工资了 谁能帮我们问问
rider_service|low|-|有没有地方能让骑手中午歇一会儿 天太热了
rider_service|low|振华驿站|振华驿站的饮水机坏了一个礼拜 能不能修修
suggestion|low|-|建议每个小区门口都放个外卖架 骑手放下就走 顾客自己下来拿
suggestion|low|-|我有个想法 能不能让骑手顺路帮社区看看哪里有安全隐患 报上来给积分
other|normal|康乐小区|康乐小区有几条流浪狗 天天追骑手 上次差点咬到我
other|urgent|-|楼上有人往下扔东西 刚一个酒瓶砸在我脚边 太吓人了
-|-|-|团结路的路灯修好了 谢谢大家帮忙反映
-|-|-|谁知道井盖没了该打哪个电话 问一下 以后遇到好报
-|-|-|昨天那个路口车祸的视频谁看了 好吓人 不是咱们这边的
-|-|-|社区通知 明天上午九点到十二点停水 请提前储水
-|-|-|刚才群里说的着火 确认了是误报 烧烤摊的烟
-|-|-|我去年摔过一次 就在那个井盖那 现在早就修好了
-|-|-|有人一起去吃饭吗 驿站附近那家面馆
-|-|-|兄弟们今天跑了多少单
-|-|-|哈哈哈 今天差点被狗追上
-|-|-|如果遇到老人摔倒 我们该扶还是不扶 大家怎么看
-|-|-|Anyone knows who to call if a manhole cover is missing? asking for future
-|-|-|the flooded road near the station is dry now, all good
-|-|-|false alarm guys, the gas smell was just someone cooking
-|-|-|Community notice: water off tomorrow 9-12
""".strip().splitlines()

# Frames that turn a report body into a non-report: the problem is over,
# remembered, hypothetical, somewhere else / on the news, or a false alarm.
ZH_NEG_FRAME = [
    "更新一下 之前说的{B} 今天已经修好了 谢谢大家",
    "上周{B} 现在已经处理好了 不用再报了",
    "{B}——这个事已经解决了 社区昨天来弄好了",
    "去年这时候{B} 后来早修好了 想起来还后怕",
    "记得刚干外卖那年 {B} 现在早不这样了",
    "如果遇到{B}这种情况 我们应该找谁",
    "万一哪天{B} 咱们是打12345还是报给机器人",
    "假如{B} 骑手能不能先走 问一下规矩",
    "刚刷到个视频 外地有个地方{B} 不是咱们这边的",
    "新闻里说别的城市{B} 大家看看就行",
    "我老家那边{B} 跟这边没关系 就是聊聊",
    "刚才说的{B} 是我看错了 虚惊一场 没事了",
    "误会一场 {B}那个已经确认是假的 大家别担心",
    "昨天{B} 已经有人报过了 今天也修完了",
]
EN_NEG_FRAME = [
    "Update: the thing I posted yesterday, {B}, is fixed now, thanks all",
    "Last year {B}, glad that's long sorted",
    "What should we do if {B}? just asking for the future",
    "Saw a video from another city: {B}. Not here luckily",
    "False alarm: {B} — turned out to be nothing, all fine",
    "Hypothetically, if {B}, who do we call?",
]

# Community / property notices: announcements, not reports.
NOTICE_ZH_HEAD = ["【通知】", "【温馨提示】", "社区通知：", "物业通知：", "【停水通知】", "【公告】", "转发社区通知 ",
                  "街道办通知 ", ""]
NOTICE_ZH_WHEN = ["明天上午9点到12点", "本周六全天", "周四晚上八点到十点", "下周一起", "今晚22点至次日6点",
                  "3月15日", "本周三下午"]
NOTICE_ZH_WHAT = ["停水检修", "计划停电", "电梯维保 暂停使用", "燃气管道检修 暂停供气", "开展消防演练",
                  "道路施工 半幅封闭", "路灯线路检修", "下水管网疏通", "二次供水水箱清洗", "垃圾站升级改造 暂停投放",
                  "开展电动车充电安全检查", "地库消杀"]
NOTICE_ZH_ASK = ["请提前储水", "请大家提前安排", "给您带来不便敬请谅解", "请各位师傅注意绕行", "请配合",
                 "请勿在楼道停放电动车", "感谢理解", ""]
NOTICE_EN = ["Notice: water supply off {W} for maintenance, please store water",
             "Community notice: lifts at {P} closed {W} for servicing",
             "Reminder: fire drill at {P} {W}, please cooperate",
             "Planned power cut {W} around {P}, plan your deliveries",
             "Notice from the property office: road works at {P} {W}, one lane closed"]

# Vague hints of a problem with nothing to act on yet. Labelled ambiguous
# (is_report null): the report heads learn half yes, half no, so such lines
# land in the band where the bot asks "是，上报 / 不是" instead of guessing.
VAGUE_ZH = """
那边好像有点问题 不知道要不要说
{L}那块感觉不太对劲
这个是不是该反映一下 我也说不清
刚才路过{L}看到点情况 算了
有个事不知道算不算 要不要报
{L}那儿怪怪的 你们有空去看看
感觉{L}有点危险 说不上来哪里
不知道是不是我想多了 {L}那边
{L}那个东西是不是有问题啊
那个地方一直那样 有人管吗
哎 又是那里 每次都这样
{L}那边有情况 等下说
我也不确定 好像{L}出了点事
有没有人去过{L} 那边现在啥情况
{L}那边是不是出啥事了 好多人围着
好像哪里不太对 说不好
那个问题还在吗 谁知道
{L}那个事有人管了没
我看{L}那边挺乱的 不知道咋回事
这种情况要不要说一声
{L}那边有点吓人 但也没啥
你们觉得{L}那块算不算隐患
那儿有个东西歪着 也不知道要不要紧
反正{L}那边每次过都心里没底
那边好像有点状况 我没细看
是不是该找人看看{L}
说不上来 就是觉得{L}不太安全
有个地方我觉得有点问题 回头再说
感觉要出事 但又说不清是啥
""".strip().splitlines()
VAGUE_EN = """
something seems off near {L}, not sure
is this worth reporting? that thing again
saw something weird at {L}, maybe nothing
not sure if it's a problem but {L} looks strange
anyone been to {L} lately? something going on there
kinda feels unsafe around {L}, idk
should someone check {L}? not sure
there's something going on at {L}, dunno what
hmm that spot near {L} again
""".strip().splitlines()
