"""Fifth round of hand-written intake lines (a rider's own errands at a named place are no report).

Why: trying the bot from outside, messages about the rider's own work at a named place, "在国贸等单呢",
"国贸这边单子好多", "在建国路等红灯", were unsure (0.51-0.52) or filed as reports (a traffic case for
waiting at a red light): the corpus had few lines where a place is named and nothing is wrong there.
A group then got "is this a report?" or a case for small talk. These lines were written one by one for
that KIND, with place names of their own (never the evaluation set): waiting for orders, food or a
customer; traffic and queues as part of the day; orders, meeting up, arriving, asking who is near; and
beside them reports in the same settings, so a place and an errand do not become a sign of small talk.

Format as intake_seeds.HAND: cat|urg|location|text, "-" for none; a non-report has cat "-".
Lines starting with "#" name the kind of the lines below them.
"""

HAND5 = """
# waiting at a place: for orders, food, a customer (zh)
-|-|-|在西单等单呢
-|-|-|在大悦城门口等单 今天好慢
-|-|-|蹲在双井等单子 一个都没有
-|-|-|我在合生汇取餐 排了二十分钟了
-|-|-|在朝阳门等顾客下楼 打电话也不接
-|-|-|在新街口等餐 商家说还要十分钟
-|-|-|到了金融街 等客户取件
-|-|-|崇文门这边等单的举个手
-|-|-|在安贞门等了半天了 系统也不派单
-|-|-|刚在北苑送完 现在等下一单
-|-|-|在东四十条等红灯呢 马上到
-|-|-|堵在长安街上了 顾客催死了
-|-|-|在学院路等红灯 等了三个灯了
-|-|-|四惠桥这边好堵啊 又要超时了
-|-|-|五棵松附近堵成停车场了 大家绕着走吧
-|-|-|西直门这边单子好多 快来
-|-|-|望京这边单子多不多
-|-|-|今天亦庄单子好少
-|-|-|牡丹园这边今天单价高
-|-|-|谁在苹果园附近 帮我带个单
-|-|-|有人在立水桥吗 一起吃饭
-|-|-|到天通苑了 这单终于送完
-|-|-|刚到亮马桥 休息一下
-|-|-|我在东坝充电呢 一会儿过去
-|-|-|在草房地铁站门口歇会儿
-|-|-|在蓝色港湾等顾客 他说马上下来
-|-|-|公主坟那家店出餐好慢 别接了
-|-|-|金台夕照那边的商家又让等
-|-|-|北新桥取餐的地方搬到二楼了
-|-|-|晚上一起去簋街吃宵夜啊
# waiting at a place (en)
-|-|-|waiting for orders at Sanlitun
-|-|-|at Wangfujing waiting for the customer to come down
-|-|-|stuck at the red light on Dongzhimen St, almost there
-|-|-|traffic on the 3rd Ring is crazy today, gonna be late
-|-|-|lots of orders around Xidan right now
-|-|-|anyone near Guomao? grab lunch?
-|-|-|just got to Yizhuang, finally done with this one
-|-|-|picking up at the mall on Jianguo Rd, the queue is huge
-|-|-|the restaurant on Gulou St is slow again, skip it
-|-|-|charging my battery at Dongba, back in 20
# the same settings, and something really is wrong there (zh)
traffic|normal|东四十条路口|在东四十条路口等红灯 发现红绿灯根本不变 一直是红的
road|urgent|大悦城门口|在大悦城门口等单 旁边井盖没了 有人差点踩进去
waterlogging|normal|双井桥下|蹲在双井等单 桥下积水越来越深 电动车都过不去了
lighting|normal|金融街|到了金融街等客户 这边路灯全灭了 黑漆漆的
person_in_need|urgent|新街口|在新街口等餐 路边有个老人摔倒了 起不来
traffic|normal|学院路口|学院路口的红绿灯坏了 在那等了三个灯都没变
public_facility|normal|草房地铁站|在草房地铁站门口歇会儿 发现扶梯坏了 一直停着
fire_safety|urgent|-|在东坝充电的时候看到旁边充电桩冒烟了
parking|normal|蓝色港湾|在蓝色港湾等顾客 门口的非机动车位被汽车全占了
sanitation|normal|北新桥|北新桥取餐那个巷子垃圾堆了好几天 臭得不行
# arriving at or passing a place, and seeing a problem there: a report, however short (zh)
waterlogging|normal|来广营地铁站|到达来广营地铁站发现积水了
road|normal|酒仙桥路|途经酒仙桥路看到路面塌了一块
lighting|normal|太阳宫公园北门|刚才路过太阳宫公园北门 路灯全不亮
road|urgent|管庄路口|途径管庄路口发现井盖不见了
lighting|normal|望京西园|骑到望京西园看到路灯坏了
waterlogging|normal|大望路|赶到大望路发现积水到小腿了
public_facility|normal|团结湖站|走到团结湖站看见电梯停了
traffic|normal|百子湾路口|经过百子湾路口 信号灯不亮
sanitation|normal|十里堡|抵达十里堡发现垃圾满地
lighting|normal|东风北桥|东风北桥下面，路灯不亮
waterlogging|normal|西坝河东里|西坝河东里，积水
road|normal|南磨房路|南磨房路，坑很深
# a place and what is wrong there, said in a few words: the shortest reports (zh)
waterlogging|normal|星火路对面|星火路对面，有积水
waterlogging|normal|红庙路口|红庙路口有积水 挺深的
road|normal|甜水园街|甜水园街有个大坑
road|urgent|延静里|延静里井盖没了
lighting|normal|朝阳北路辅路|朝阳北路辅路，路灯不亮
lighting|normal|石佛营|石佛营那边路灯全黑
traffic|normal|姚家园路口|姚家园路口，红绿灯不亮
public_facility|normal|平房地铁站|平房地铁站电梯坏了
sanitation|normal|青年路|青年路，垃圾没人收
parking|normal|常营地铁站|常营地铁站门口，汽车占了非机动车道
bike_lane|normal|朝阳路|朝阳路的非机动车道被栏杆挡了
waterlogging|normal|东坝中路|到了东坝中路，发现有积水
# the same settings, and something really is wrong there (en)
traffic|normal|Dongzhimen St|waiting at the lights on Dongzhimen St, the signal is stuck on red
road|urgent|Sanlitun|waiting for orders at Sanlitun and there's a manhole with no cover right by the gate
waterlogging|normal|Jianguo Rd|at the mall on Jianguo Rd, the underpass is flooded, bikes can't get through
"""


def rows() -> list[str]:
    return [line for line in HAND5.splitlines() if line.strip() and not line.startswith("#")]
