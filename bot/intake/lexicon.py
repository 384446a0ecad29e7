"""Hand-written domain lexicon: general vocabulary per category.

Each hit adds a feature ("kw:<category>", "kw:neg", ...) to the linear models,
so a handful of training phrasings generalise to the many ways riders describe
the same thing. Matching is on normalised (simplified, lower-case) text.
"""
from __future__ import annotations

import re

_LEX: dict[str, str] = {
    "lighting": r"路灯|灯不亮|灯坏|灯灭|灯太暗|灯全黑|灯都黑|灯光|照明|灯泡|灯罩|灯杆|黑灯瞎火|黑咕隆咚|摸黑|一闪一闪|忽明忽暗|"
                r"street ?lights?|lamps?|lamp ?posts?|lights? (are |is )?(out|off|dead|broken|dim)|pitch black|flicker",
    "road": r"坑|路面|塌陷|塌了|井盖|马路牙子|路沿|路牙|裂缝|翘起|地砖|减速带|沥青|颠|车圈|爆胎|扎胎|"
            r"pothole|manhole|road surface|kerb|curb|caved|crack|sinkhole|speed bump|paving",
    "waterlogging": r"积水|积了|淹|内涝|下水道|下水口|排水|水管|爆管|冒水|涌水|漏水|水深|划船|泡在水|蹚水|桥洞|下穿|地库.{0,3}水|"
                    r"flood|puddle|standing water|drain|water main|burst pipe|knee deep|waist deep|underpass|waterlog",
    "bike_lane": r"非机动车道|自行车道|电动车道|慢车道|骑行道|抢道|快车道|机动车道|"
                 r"bike lane|cycle lane|e-?bike lane|bicycle lane|forced into (car )?traffic|ride in traffic",
    "parking": r"乱停|乱放|僵尸车|停满|停车位|占.{0,2}车位|双排停|共享单车|单车堆|堆成山|盲道|违停|乱扔|"
               r"parked|parking|double park|abandoned (car|van)|shared bikes?|tactile paving",
    "traffic": r"红绿灯|信号灯|黄灯|红灯|绿灯|车祸|撞车|相撞|撞了|追尾|侧翻|路口|斑马线|限速|逆行|视线|转弯镜|闯红灯|交警|"
               r"traffic lights?|signal|accident|crash|collision|junction|intersection|crossing|stop sign|blind corner|zebra",
    "fire_safety": r"消防|安全出口|着火|起火|失火|火灾|冒烟|浓烟|煤气|燃气|液化气|漏气|漏电|电线|高压线|火花|配电箱|焦糊|"
                   r"飞线|楼道.{0,6}充电|充电.{0,6}楼道|插线板|灭火器|消防栓|火星|冒火|变压器|电箱|"
                   r"fire|smoke|gas smell|gas leak|live wire|sparks?|sparking|stairwell|extinguisher|hydrant|fire lane|fire exit",
    "sanitation": r"垃圾|臭|异味|苍蝇|蚊子|老鼠|死狗|死猫|死老鼠|尸体|泔水|污水|粪|脏|恶心|清运|环卫|保洁|"
                  r"(?:狗|猫|鸟|老鼠|动物).{0,6}死(?:在|了)|"
                  r"garbage|trash|rubbish|bins?|litter|stink|smell|rats?|dead (dog|cat|rat|bird)|sewage|dumped|waste",
    "public_facility": r"栏杆|护栏|扶手|长椅|座椅|石凳|凳子|站台|候车亭|棚子|顶棚|指示牌|路牌|路名牌|标识|广告牌|招牌|"
                       r"大树|树倒|树枝|倒树|电梯|扶梯|健身器材|滑梯|秋千|设施|井字|"
                       # a gate, door or its lock, a barrier, steps (大门坏了, 门禁坏了, 道闸, 天桥的台阶)
                       r"大门|门禁|门锁|(?<!出)门(?:坏|关不|打不开|掉|倒)|道闸|闸杆|栏杆机|台阶|天桥|"
                       r"railing|bench(es)?|bus shelter|shelter|signs?|billboard|tree|branch|elevator|lift|escalator|slide|playground",
    "person_in_need": r"老人|老大爷|大爷|老奶奶|奶奶|老爷子|大妈|孕妇|走丢|走散|找不到(妈妈|爸爸|家长)|晕倒|昏倒|"
                      r"摔倒|倒地|起不来|叫不醒|不舒服|中暑|困人|被困|独居|残疾|求助|救命|落水|溺水|(锁|关)在车里|"
                      r"elderly|old (man|lady|woman|guy|folks)|grandma|grandpa|fell|collapsed|fainted|unconscious|lost (kid|child)|"
                      r"trapped|disabled|blind|living alone",
    "rider_rights": r"工资|欠薪|拖欠|扣钱|扣了|罚款|罚了|申诉|工伤|保险|不让进|不让骑手|不让外卖|保安|物业|骂|打骑手|推了我|"
                    r"平台|站长|单价|投诉|歧视|押身份证|客梯|货梯|超时.{0,4}(算|扣)|"
                    r"unpaid|wages?|\bpay\b|paid|fine[ds]?|penalt|appeal|work injury|insurance|not covered|won't let riders|"
                    r"security guard|harass|cursed|shoved|beating|platform|manager",
    "rider_service": r"驿站|充电|换电|休息|歇脚|饮水|喝水|热饭|微波炉|厕所|卫生间|食堂|吃饭|空调|wifi|插座|椅子|"
                     r"rider station|charging|battery.?swap|rest|nap|toilet|restroom|water dispenser|drinking|microwave|lunch",
    "suggestion": r"建议|提议|提个|能不能|可不可以|可以搞|希望|要是能|最好|统一设|"
                  r"suggest|idea|proposal|could we|would be great|maybe (give|let|add)|how about|why not|"
                  # a wish said as a request (希望…能多几个, 能不能…): can we get, please add, we need
                  r"can (we|you|they) (get|have|add|put|set up|install)|please (add|put|set up|install|build)|"
                  r"we (really )?need (a|an|more|some)\b|there should be|would help|wish (there|we|they)",
    "other": r"噪音|扰民|吵|音乐|音响|广场舞|流浪狗|野狗|咬|偷|被盗|丢了|网吧|未成年|黑车|高空抛物|扔.{0,4}(下来|瓶)|塔吊|脚手架|打桩|"
             r"拿刀|持刀|砍人|打架|斗殴|"
             r"noise|loud|music|stray dogs?|bit|stolen|stealing|theft|throwing|balcony|crane|scaffold|knife|fight(ing)?\b",
}
_NEG = (r"谢谢|感谢|辛苦|修好|补好|已经(修|补|盖|清|挪|换|退|处理|解决|好)|退了|搞定|点赞|"
        r"红包|换班|调班|顶班|顶一下|带一单|帮我(带|拿|送|取)|谁接|接一下|顺路|转让|私聊|出一|"
        r"积分|兑换|培训|开会|党课|报名|签到|打卡|早上好|晚安|早安|明天见|哈哈|笑死|"
        r"机器人|@bot|\bbot\b|怎么(查|报|用|看|发|申请|领|交)|进度|处理(结果|得)|"
        r"thanks|thank you|appreciate|fixed|patched|cleared|got patched|resurfaced|back on|"
        r"swap shifts?|cover (my|for)|red packet|take my|grab lunch|points|training|"
        r"good (morning|night)|morning|lol|haha|payday")
_PAST = r"上次|上周|昨天|之前|前两天|上个月|last week|yesterday|earlier"
_ASK = r"[?？]|吗|怎么|如何|请问|how|what|when|where|anyone know"
_DANGER = r"危险|要出事|出人命|赶紧|快来人|紧急|急急|注意安全|小心|dangerous|hurt|careful|urgent|asap"
_HAZARD_FEW = r"坏了|坏掉|不亮|破了|断了|堵了|堵死|塌|漏|没人管|没人修|没人清|好几天|一个礼拜|半个月|一直|又|"\
              r"broken|out since|for days|for weeks|nobody|again|still"

_COMPILED = [(k, re.compile(v)) for k, v in _LEX.items()]
_EXTRA = [("kw:neg", re.compile(_NEG)), ("kw:past", re.compile(_PAST)), ("kw:ask", re.compile(_ASK)),
          ("kw:danger", re.compile(_DANGER)), ("kw:fault", re.compile(_HAZARD_FEW))]


def lexicon_features(n: str) -> list[str]:
    out = []
    hits = 0
    for cat, rx in _COMPILED:
        k = len(rx.findall(n))
        if k:
            hits += 1
            out.append("kw:" + cat)
            if k > 1:
                out.append("kw2:" + cat)
    for name, rx in _EXTRA:
        if rx.search(n):
            out.append(name)
    out.append("kwn:" + str(min(hits, 3)))
    return out
