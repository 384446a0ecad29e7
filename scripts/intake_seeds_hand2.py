"""Second round of hand-written intake lines (issue 14): written one by one from the taxonomy
(shared/intake/taxonomy.md) and the issue's miss kinds, never from the evaluation set.

Format as intake_seeds.HAND: cat|urg|location|text, "-" for none (a non-report has cat "-", a
vague hint with nothing to act on yet has cat "?": labelled ambiguous, so the bot asks).
Lines starting with "#" name the kind of the lines below them. Kinds covered: rider_rights,
rider_service and suggestion said casually; reports phrased as questions, complaints,
sarcasm or mock thanks, or buried in a story of the day; life danger said casually; loud
but merely inconvenient faults; past / resolved / hypothetical / second-hand / false-alarm
non-reports and chit-chat sharing report words; typos, homophones, slang, dialect, no
punctuation, mixed zh/en and ESL English; category confusions the taxonomy settles; two
topics with the urgent one winning.
"""

HAND2 = """
# rider_rights, casual / complaint / sarcasm
rider_rights|normal|-|这个月的钱又少了三百 问站长就说系统算的 谁来管管
rider_rights|normal|-|超时两分钟扣我五十 路上堵成那样我能飞过去吗 这罚款也太离谱了
rider_rights|normal|锦绣华庭|锦绣华庭保安又不让我们进 非要我们在门口等客户下来 餐都凉了还被差评
rider_rights|normal|-|感谢平台 跑了一个月倒扣两百 真是谢谢您嘞
rider_rights|normal|-|工资拖了快两个月了 站长电话都不接 我们找谁要钱啊
rider_rights|normal|-|昨天送单被顾客骂了半天还推了我一把 平台客服就让我忍忍 这也太欺负人了
rider_rights|normal|-|摔了一跤手腕骨折 站里说不算工伤 医药费全自己掏 这合理吗
rider_rights|normal|天河城|天河城的物业不让骑手走正门 必须绕到后面货梯 一趟多花十分钟
rider_rights|normal|-|又被莫名其妙扣分封号三天 申诉也没人理 一家老小等着吃饭呢
rider_rights|normal|-|保险每天扣三块 真出事了又说不赔 这钱扣哪去了
rider_rights|normal|-|站长天天让我们加班到凌晨 不去就扣绩效 有地方说理吗
rider_rights|normal|-|差评申诉一个都没通过 明明是商家出餐慢 凭啥算我头上
rider_rights|normal|阳光100小区|阳光100小区门卫对我们骑手特别凶 还动手推人 不是第一次了
rider_rights|normal|-|押金交了五百 离职三个月了还不退 打电话就说在走流程
rider_rights|normal|-|这单明明准时送到 系统显示超时 扣钱了 找谁申诉啊
rider_rights|normal|-|高温补贴说好的 到现在一分没见着 是不是被谁吞了
rider_rights|normal|-|站点扣我们的服装费头盔费 一套下来四百多 这合法吗
rider_rights|normal|-|有个顾客天天给我打骚扰电话 还发些乱七八糟的话 怎么办 有点怕
rider_rights|normal|万达广场|万达广场的商场保安不让电动车靠近 取餐只能停老远跑过去 超时还算我们的
rider_rights|normal|-|哈哈哈 跑了十二个小时 到手一百二 这就是灵活就业吧
rider_rights|normal|-|被车撞了住院一周 平台一句话都没有 保险也推来推去
rider_rights|normal|-|新来的站长规定迟到一分钟罚二十 这规矩谁定的
rider_rights|normal|-|同一个小区三个门 只开一个让我们走 其他都拦着 这算不算刁难
rider_rights|normal|-|我寻思我也没犯错啊 账号咋就被冻结了 里面还有一千多没提现
rider_rights|normal|-|讲真 扣款规则一天一变 跑着跑着就倒贴了 能不能有人出来说句话
# rider_service, casual
rider_service|low|-|夏天在外面等单热得要命 附近连个能坐下喝口水的地方都没有
rider_service|low|-|要是站点能给换电柜多装几个就好了 每次排队半小时
rider_service|low|科技园|科技园那边找厕所太难了 憋得慌 商场都不让进
rider_service|low|-|驿站那个饮水机坏了一个星期了 也没人修
rider_service|low|-|能不能在地铁口附近弄个充电的地方 手机老没电接不了单
rider_service|low|-|冬天能不能给个地方让我们暖和暖和 等单手都冻僵了
rider_service|low|-|驿站晚上九点就关门了 我们夜班的根本用不上
rider_service|low|东湖公园|东湖公园那个骑手驿站空调不制冷 进去跟蒸笼一样
rider_service|low|-|中午想找个地方热饭都没有 能不能驿站放个微波炉
rider_service|low|-|有没有可能给我们搞个便宜点的午饭 外卖员自己吃不起外卖 说出来都好笑
rider_service|low|-|驿站的充电插座一半是坏的 抢都抢不到
rider_service|low|-|下雨天连个躲雨的地方都没有 能不能在商圈搭个棚子
# suggestion, casual
suggestion|low|-|我觉得小区门口可以划个外卖专用的停车区 省得大家乱停挨骂
suggestion|low|-|要是每个小区门口都有个取餐柜就好了 保安不用拦 我们也不用等
suggestion|low|-|其实路口可以装个凸面镜 拐弯看不到车 太吓人
suggestion|low|-|说个想法 群里能不能每周汇总一下大家反映的问题 看看哪些解决了
suggestion|low|-|新手骑手最好有人带一带 第一周啥都不懂 很容易出事
suggestion|low|学府路|学府路那个路口要是搞个左转灯 能少好多事故
suggestion|low|-|能不能在小区楼栋号牌上弄个夜光的 晚上根本找不到几号楼
suggestion|low|-|个人觉得社区可以搞个骑手安全培训 讲讲怎么骑 很多人不戴头盔
suggestion|low|-|要我说 写字楼应该统一设个外卖架 别让我们上楼了 电梯等死人
suggestion|low|-|提个小意见 社区地图能不能标一下哪些门骑手能进
suggestion|low|-|咱们群是不是可以搞个轮值 谁在附近谁去看一眼上报的问题
suggestion|low|-|老小区的楼号乱七八糟 能不能统一重新编一下 送错好几回了
# questions / complaints / sarcasm that are reports
lighting|normal|和平路|和平路的路灯是拿来当摆设的吗 一个月没亮过了
lighting|normal|-|请问我们这边路灯啥时候能修好啊 晚上骑车啥也看不见
lighting|normal|新华小区|新华小区里面那几盏灯 是打算等过年再修吗
lighting|normal|-|路灯一闪一闪的 跟蹦迪似的 晃得眼睛疼
road|normal|建设路|建设路那个坑是要留着养鱼吗 都快仨月了
road|normal|-|谢谢市政 这条路的坑又大了一圈 天天颠得我腰疼
road|normal|-|这路面烂成这样真没人管吗 外卖箱都颠散了
road|normal|复兴路|复兴路马路牙子碎了一地 推车都推不上去 咋整
waterlogging|normal|-|一下雨就变水帘洞 下水道堵了多久了 有没有人管
waterlogging|normal|光明路|光明路口又成游泳池了 说真的谁负责这块
bike_lane|normal|-|非机动车道是给小汽车停的吗 我们只能跟大货车抢道
bike_lane|normal|中山路|中山路的自行车道上摆满了水果摊 咱是骑车还是逛街啊
parking|normal|-|共享单车堆在门口跟小山一样 门都进不去 谁管
parking|normal|-|有人把车横在消防通道口好几天了 保安也不管
traffic|normal|-|这个路口的红绿灯是坏了还是故意的 一直红灯
traffic|normal|人民路|人民路那个路口没有斑马线也没灯 每次过都提心吊胆 啥时候装一个啊
sanitation|normal|-|垃圾站都溢出来了 臭了一整条街 是没人收了吗
sanitation|normal|-|啧啧 这垃圾桶都快成景点了 堆得比人还高
public_facility|normal|-|公交站的棚子被风吹塌了一半 下雨没地躲 能修一下不
public_facility|normal|滨江公园|滨江公园的栏杆断了一截 小孩在旁边玩 有点危险
public_facility|normal|-|路边有棵树倒了 挡了半条路 没人来锯一下吗
public_facility|normal|-|路牌被撞歪了 指的方向都不对了 新手肯定迷路
public_facility|normal|-|天桥电梯又坏了 扛着车上不去 坏了一周了
# buried in a long day story
road|normal|-|今天真是倒霉 早上电瓶没电 中午被顾客投诉 下午在东边那条路上压到个大坑差点翻车 那坑好久了 晚上还得跑夜班
lighting|normal|-|跑了一天腿都软了 回来路上发现我们小区后面那条小路的灯全灭了 黑灯瞎火的 明天有人能报一下吗
traffic|normal|-|今天单子特别多 累得不行 对了那个十字路口的红绿灯坏了 一直黄灯闪 今天差点跟人撞上
sanitation|normal|-|忙到现在才吃上饭 吐槽一下 菜市场后门那堆垃圾都发臭了 苍蝇乱飞 吃饭的时候想起来都恶心
rider_rights|normal|-|今天先是下雨 然后车没电 最离谱的是送完一单被扣了二十 说我超时 其实是商家出餐晚 这个真得有人管管
person_in_need|urgent|-|刚送完一单 累死了 对了刚才楼下有个老奶奶摔倒了爬不起来 我先扶着 你们谁离得近过来帮下
# urgent, said casually
road|urgent|-|哈哈 前面井盖没了 差点连人带车掉进去 挺深的 大家晚上小心点
road|urgent|城南大道|城南大道中间塌了个大坑 车开过去就陷 路上车还挺多的
fire_safety|urgent|-|我去 楼道里电瓶车在冒烟 味道好冲
fire_safety|urgent|-|闻着一股煤气味 整个楼道都是 不知道是哪家
fire_safety|urgent|-|有根电线耷拉在地上 噼里啪啦冒火花 旁边还有小孩
fire_safety|urgent|花园新村|花园新村那边好像起火了 黑烟老大了
person_in_need|urgent|-|路边躺着个人 叫他也不应 不知道是不是晕过去了
person_in_need|urgent|-|有个小朋友一个人在路口哭 找不着妈妈了 我先陪着
person_in_need|urgent|-|电梯里困了个老人 按铃半天没人来 他说心口疼
person_in_need|urgent|-|一个大爷在公交站突然倒地抽搐 有没有人懂急救
traffic|urgent|-|前面两辆电瓶车撞了 一个小哥满头是血躺地上
traffic|urgent|-|刚刚一个骑手被车带倒了 腿好像断了 起不来
waterlogging|urgent|-|桥洞底下水快到腰了 还有人往里骑 赶紧拦一下
waterlogging|urgent|-|地下车库进水了 还在往里灌 里面好像还有人在挪车
public_facility|urgent|-|广告牌被风刮得快掉了 底下人来人往的
road|urgent|-|窨井盖被掀了 黑洞洞的 就在人行道上 晚上谁看得见啊
# loud but not urgent
lighting|normal|-|气死了！！！路灯又不亮！！！这都第几次了！！！
road|normal|-|紧急！紧急！小区门口路面有个小坑 颠得外卖汤洒了
waterlogging|normal|-|救命啊 下水道又堵了 臭死了 路面一层水
parking|normal|-|要疯了！！共享单车把路全堵死了！！我推不过去！！
sanitation|normal|-|真的受不了了 垃圾堆了一个礼拜 臭得要吐了 赶紧来人清一下
traffic|normal|-|十万火急 路口的限速牌歪了 赶紧扶一下
public_facility|normal|-|快来人啊 长椅坏了一条腿 坐不了了
bike_lane|normal|-|太过分了！！非机动车道又被占了 每天都这样！！
rider_service|low|-|急急急 驿站的充电桩坏了 手机快没电了 谁来修下
lighting|normal|-|我真的会谢 路灯坏了半个月 晚上跟瞎子一样
# non-reports: past / resolved / hypothetical / second-hand / false alarm / chit-chat with report words
-|-|-|上次说的那个井盖已经补上了 谢谢大家
-|-|-|之前反映的路灯修好了 今晚亮堂堂的 舒服
-|-|-|去年夏天那场暴雨 桥洞淹到车顶 现在想起来都后怕
-|-|-|要是哪天真碰上着火了 是先打119还是先报物业啊 问问
-|-|-|万一遇到有人晕倒 我们骑手能做啥 有没有培训
-|-|-|听我表哥说他们那边有个骑手被车撞了 不知道真的假的
-|-|-|抖音上看到别的城市隧道淹了 好吓人 我们这还好没事
-|-|-|刚才以为楼道冒烟 走近一看是有人在蒸包子 虚惊一场
-|-|-|报警器响了半天 物业说是测试 没事了大家
-|-|-|早上那个摔倒的大爷家里人已经接走了 没啥事
-|-|-|刚才群里说的积水 现在已经退了 可以正常走了
-|-|-|路口那个事故交警已经处理完了 车都拖走了
-|-|-|以前这边路灯老坏 现在换了新的 好多了
-|-|-|如果路上看到井盖没了 是找市政还是找城管 谁知道
-|-|-|我要是被扣款了找谁申诉啊 先问问 现在还没事
-|-|-|小时候家门口那条路全是坑 下雨就成泥塘 现在城里好多了
-|-|-|今天天气真好 不冷不热 跑单舒服
-|-|-|谁有充电宝 借我用下 马上还
-|-|-|中午吃啥 有没有推荐的 别太贵
-|-|-|兄弟们今晚冲单啊 奖励翻倍
-|-|-|哈哈哈 刚才送的那家小孩可爱死了 给我塞了颗糖
-|-|-|路灯下面那家烧烤真香 收工了去撸串吗
-|-|-|外面雨好大 大家慢点骑 别着急
-|-|-|我这单在新街口 谁顺路帮我带一下
-|-|-|今天终于把驾照考过了 开心
-|-|-|站长说明天开会 八点到站点 别迟到
-|-|-|火锅店新开张 送单的时候闻着好香
-|-|-|有没有人知道哪里换电瓶便宜
-|-|-|新闻说明天有暴雨 大家提前备好雨衣
-|-|-|我就问问 这个群是干嘛用的 能报什么问题
-|-|-|昨天那个冒烟的电瓶车 消防来了 已经没事了 人都没伤着
-|-|-|上周被扣的钱申诉回来了 开心
-|-|-|物业说下周要修路灯 到时候再看
-|-|-|假设送餐途中车坏了 平台会补偿吗 好奇问一下
-|-|-|看到朋友圈说隔壁区有小孩走丢了 后来找到了 虚惊一场
-|-|-|这个红绿灯以前老坏 现在修好了 挺准的
-|-|-|晚上好呀各位 今天累不累
-|-|-|恭喜老王当上站长 请客请客
-|-|-|我家楼下新开了个驿站 挺好的 有空调有热水
-|-|-|下水道那个事别担心了 早上已经通好了
-|-|-|有人问消防栓是干嘛的 哈哈 就是灭火用的
-|-|-|感觉今天单特别少 是不是都在家做饭了
-|-|-|我老家那边发大水了 家里人都没事 就是担心
-|-|-|这个坑我记得好久以前就有 后来填了 现在挺平的
-|-|-|以防万一 大家手机里存一下120和119
-|-|-|早上路过看到有人在修路灯 效率挺高啊
# typos / homophones / slang / dialect / no punctuation
lighting|normal|-|路等坏了好几天了 晚上黑咕隆咚的
lighting|normal|-|街灯全瞎了 这条道黑得伸手不见五指
road|normal|-|马路牙子崩了一大块 推车上不去 绕老远
road|normal|-|道牙子塌了 电驴子上不去
road|normal|-|路上一个大凼 下雨看不见 容易翻车
road|urgent|-|井改没了 就在路中间 黑灯瞎火的肯定要出事
road|normal|-|路面坑坑洼洼的 颠得餐盒都扣了 yyds的烂路
waterlogging|normal|-|路上水漫金山了 电驴子过不去 下水道估计堵了
waterlogging|normal|-|下水道又堵了 水漫到人行道上 一股子味儿
bike_lane|normal|-|非机动车到上全是汽车 占道占得死死的
bike_lane|normal|-|车道上摆摊的把路堵了 电驴子只能上机动车道 太危险
parking|normal|-|小黄车倒了一地 根本推不过去 绝绝子
fire_safety|urgent|-|楼道里有人给电瓶冲电 插线板都烫手了 还冒烟
fire_safety|urgent|-|闻到一股煤汽味 好浓 在三楼
fire_safety|urgent|-|着火辣 后面那栋楼 浓烟滚滚
traffic|normal|-|红路灯坏了 车都乱开 过马路得靠运气
traffic|normal|-|路口的标志牌让车撞趴下了
person_in_need|urgent|-|有个老头摔了起不来 头上有血 快来人
person_in_need|normal|-|楼下有个阿婆拎不动米 让我帮忙 我单子急 谁路过能帮帮她
sanitation|normal|-|垃圾桶满得冒尖了 臭的要死 好几天没人倒
sanitation|normal|-|路边死了只猫 臭烘烘的 没人收拾
public_facility|normal|-|公交站棚子塌了 座椅也烂了
rider_rights|normal|-|平台又乱扣钱 申诉没卵用 心累
rider_rights|normal|-|保安不让进小区 非要我们走到里面去 又不给进 整的我们两头受气
rider_rights|normal|-|站长克扣工资 说好的提成没给 大家都一样吗
rider_service|low|-|驿站充电的地方太少了 能多搞几个插座不
suggestion|low|-|建义小区门口装个外卖柜 省得来回跑
lighting|normal|-|小区后门那块灯不亮好几天了也没人管晚上送单吓人
road|normal|-|东门出来那段路烂得不行坑连坑的送个单跟过山车一样
fire_safety|urgent|-|地下室好像着了冒好多烟里面还有人在修车
person_in_need|urgent|-|有个小孩掉河里了就在桥边快打一一零
waterlogging|normal|-|地道桥积水了不深但是过不去车都堵着
# category confusions settled by the taxonomy
traffic|urgent|-|路口出车祸了 骑手被撞飞 腿上全是血 已经打了120
traffic|urgent|-|一辆货车把电动车撞了 人压在下面 快来帮忙
traffic|urgent|解放路|解放路上两车相撞 有人受伤了躺着不动
traffic|normal|-|限速牌被大车撞倒了 横在路边
traffic|normal|-|路口那个让行标志被撞没了 车都不减速
traffic|normal|-|禁止左转的牌子被风刮倒了 好多车乱拐
public_facility|normal|-|公交站的站牌被撞弯了 字都看不清
public_facility|normal|-|小区门口的路名牌掉下来了 挂在那晃
rider_service|low|-|想要个能歇脚的地方 中午等单没处坐 只能蹲马路边
rider_service|low|-|站点附近能不能有个休息点 跑累了想喝口热水
suggestion|low|-|建议各小区统一门禁规则 比如外卖员登记一次就能进 不用每次都吵
suggestion|low|-|社区可以考虑在主干道多设几个非机动车等候区 红灯的时候不用挤
person_in_need|urgent|-|路上一个阿姨突然晕倒了 脸色发白 谁会急救
person_in_need|urgent|-|公园门口有个大叔心脏病犯了 捂着胸口蹲地上
person_in_need|urgent|-|等红灯的时候旁边一个小伙子突然抽搐倒地
road|urgent|-|雨水篦子被人撬走了 留了个大窟窿 电动车轮子正好卡进去
road|urgent|-|路边排水沟的盖板翘起来了 骑过去一下就能把人甩出去
road|normal|-|下水道盖子松了 一压就哐当响 还没掉
fire_safety|urgent|-|消防通道被一排车堵死了 真着火了消防车根本进不来
fire_safety|urgent|-|安全出口被锁住了 还堆满了纸箱 里面是个网吧
waterlogging|normal|-|自来水管爆了 水哗哗往外冒 路面都成河了
# two topics, one urgent
fire_safety|urgent|-|今天单子好少 还有小区垃圾桶满了 最要紧的是三号楼楼道有电动车在冒烟
person_in_need|urgent|-|路灯坏了好几天了 这个先不说 刚才路边一个老人倒地不起了 快来人
road|urgent|-|共享单车乱停的事以后再说 现在主路上井盖没了 车来车往的
traffic|urgent|-|驿站空调坏了挺热的 另外路口刚撞了车 有个人流了好多血
# more varied: every category, casual, mixed zh/en
lighting|normal|青年路|青年路那几盏灯跟鬼火似的 一会亮一会灭
lighting|normal|-|地下通道灯全灭了 黑咕隆咚的 骑进去心里发毛
lighting|normal|-|小区路灯坏了 蹲个好心人帮忙报下 感恩
road|normal|-|那条路修了一半就不管了 到处是沙石 骑过去打滑
road|normal|幸福路|幸福路那段路面鼓起来一个大包 车过去直接弹起来
road|urgent|-|路中间陷下去一个洞 能塞进一个人 已经有车差点掉进去
waterlogging|normal|-|小区门口积水一大滩 好几天不退 还发臭
waterlogging|normal|-|雨停了两天了 那个路口的水还没退 下水道肯定堵了
bike_lane|normal|-|施工围挡把非机动车道全围了 也没个指示 只能上快车道
bike_lane|normal|-|早上非机动车道上一溜儿出租车在等客 我们只能绕
parking|normal|-|外卖车被保安锁了一排 说停错地方 可也没地方停啊 乱停问题能不能规划下
parking|normal|-|写字楼门口汽车乱停 把人行道都占满了
fire_safety|urgent|-|饭店后面液化气罐漏气了 嘶嘶响 味道很大
fire_safety|urgent|-|有人在楼道里烧东西 烟呛得人睁不开眼
fire_safety|normal|-|消防栓被人拆了个盖子 里面空的 不知道还能不能用
sanitation|normal|-|小区后面有人偷倒建筑垃圾 堆成小山了
sanitation|normal|-|公厕脏得没法进 好几天没人打扫了
sanitation|normal|-|化粪池冒出来了 整条巷子都是味儿
public_facility|normal|-|人行道上的护栏倒了一排 也没人扶
public_facility|normal|-|商场外面的电梯坏了一个多月 一直贴着维修中
public_facility|normal|-|路边座椅被砸了 玻璃碴子一地
person_in_need|normal|-|楼里有个独居老人说家里没米了 腿脚不便 能不能社区帮着买点
person_in_need|normal|-|一个阿姨问路找医院 说不清楚地址 看着挺着急的 有没有人熟悉那边
person_in_need|urgent|-|有个老太太坐在马路中间不肯走 车来车往的 太危险了
rider_rights|normal|-|有的小区直接贴告示禁止外卖员进入 我们又不是坏人
rider_rights|normal|-|跑单路上被狗咬了 让我自己去打针 平台说不归他们管
rider_service|low|-|能不能在驿站放个药箱 磕了碰了有个创可贴也好
rider_service|low|-|想问下有没有地方能免费给手机充电 电量告急是常态
suggestion|low|-|可以在小区里画条外卖车道 不跟老人小孩抢路
suggestion|low|-|个人建议 晚高峰在学校门口安排个协管员 太乱了
other|normal|-|小区门口有人发传单 说是招骑手 其实是骗押金的 好多新人上当了
other|normal|-|路边有个摊子卖假头盔 戴着根本没用 怕出事
lighting|normal|-|路灯 broken 好几天了 天黑根本看不见
road|normal|-|这个 pothole 越来越大了 每天经过都要绕
fire_safety|urgent|-|楼道有 gas 味 好重 快来人看看
rider_rights|normal|-|又被 fine 了 说我 late 其实是商家 delay 这谁顶得住
person_in_need|urgent|-|有人晕倒了 in front of the 超市 快打120
-|-|-|晚上一起吃 hotpot 吗 收工了
-|-|-|今天单量 crazy 累成狗
-|-|-|那个 pothole 修好了 终于不用绕了
-|-|-|前两天停电 现在来电了 一切正常
-|-|-|要是雨太大 平台会不会暂停派单啊 想知道一下
-|-|-|社区说下个月要在这边建个骑手驿站 期待
-|-|-|群公告看一下 新的上报流程
-|-|-|我觉得今天的奶茶有点甜
-|-|-|谁知道哪家修车铺靠谱 我车刹车有点软
-|-|-|刚才送了个单到消防站 消防员小哥人挺好
-|-|-|以后要是路上看到有人摔倒 先别急着扶 先拍视频 网上说的
-|-|-|之前说的那个被占的车道 现在画了隔离桩 好多了
-|-|-|站里发了新雨衣 质量不错
# ESL / casual English, reports
rider_rights|normal|-|platform cut my money again, 200 yuan gone, no reason. who can help
rider_rights|normal|-|late 3 minute and they fine me 50, traffic jam not my fault
rider_rights|normal|-|security guard not let rider go inside, customer angry, I get bad review
rider_rights|normal|-|my salary not pay two month already, station boss not answer phone
rider_rights|normal|-|account blocked for no reason, still have money inside, cannot withdraw
rider_rights|normal|-|customer push me and shout at me, platform say just accept it. not fair
rider_rights|normal|-|Great, another "system error" fine. Thanks a lot, platform
rider_rights|normal|-|I fell on the job and broke my wrist, station says it's not a work injury, have to pay everything myself
rider_service|low|-|no place to rest at all around here, we sit on the road in the sun
rider_service|low|-|station water machine broken one week, nobody fix
rider_service|low|-|would be nice to have more charging spots, always queue for 30 min
rider_service|low|-|toilets near the CBD? security won't let us use the mall ones
suggestion|low|-|maybe put delivery lockers at every compound gate, then no fight with guards
suggestion|low|-|idea: a convex mirror at the blind corner, cannot see cars coming
suggestion|low|-|why not make building numbers glow at night, always get lost in the old estates
lighting|normal|-|street light not working many days, very dark, cannot see the road
lighting|normal|-|Love how the lamps on my route are decorative only. Dark for 2 weeks now
road|normal|-|big hole in road, my bike almost fall, it is there long time
road|urgent|-|drain cover is gone in the middle of the road lol, almost went in, it's deep
road|normal|-|kerb broken, cannot push bike up, must go around
waterlogging|normal|-|water everywhere after rain, drain is block, shoes all wet
waterlogging|urgent|-|underpass flooded to my waist and cars still driving in, someone stop them
bike_lane|normal|-|cars park on bike lane every day, we must ride with the trucks
parking|normal|-|shared bikes everywhere in front of gate, cannot get in
fire_safety|urgent|-|smell gas in stairwell very strong, dont know which flat
fire_safety|urgent|-|ebike battery smoking in the corridor, people living upstairs
fire_safety|urgent|-|wire hanging down sparking on the sidewalk, kids walking by
person_in_need|urgent|-|old man fell down cannot stand up, head bleeding, please come
person_in_need|urgent|-|small kid crying alone at the crossing, cannot find mom, I stay with him
person_in_need|urgent|-|guy collapsed at the bus stop, not responding
traffic|urgent|-|accident just now, rider hit by car, leg bleeding a lot
traffic|normal|-|traffic light broken, always red, everybody run it
sanitation|normal|-|rubbish not collected one week, smell so bad
public_facility|normal|-|tree fall down block half the road
public_facility|normal|-|railing on the footbridge broken, one part missing
lighting|normal|-|URGENT!!! the lamp outside the mall is flickering again!!!
road|normal|-|OMG this pothole is SO annoying, soup spilled AGAIN
traffic|normal|-|bro the light at the crossing is dead again, everyone just guessing
road|normal|-|today was long, customer late, battery low, and that crater on the way back still not fixed, almost ate the pavement
# non-reports, English
-|-|-|the pothole I posted last week got filled, thanks guys
-|-|-|last year the tunnel flooded so bad, glad it's fine now
-|-|-|if I ever see a gas leak who do I call first? just asking
-|-|-|saw on tiktok a city where the underpass flooded, scary
-|-|-|false alarm, the smoke was just a bbq downstairs
-|-|-|the old lady from this morning is fine, her son came
-|-|-|accident at the crossing is cleared now, road open
-|-|-|what happens if my bike breaks during a delivery? does the platform pay? curious
-|-|-|anyone got a power bank? mine is dead
-|-|-|good night everyone, long day
-|-|-|the fine I complained about got refunded, happy
-|-|-|lamp shop near the station has a sale lol
-|-|-|remember to save 120 and 119 in your phone, just in case
-|-|-|my cousin says in his city a rider got hit, not sure if true
-|-|-|who can take my order at Xinjiekou, I'm stuck
# rider_rights: promised pay, bonuses, deductions, said flatly or with mock thanks
rider_rights|normal|-|上个月的单量奖说月初发 现在都月中了 一毛没见到
rider_rights|normal|-|恶劣天气补贴写在规则里的 结果下了一周雨 一分都没补
rider_rights|normal|-|全勤奖被取消了 说我请了半天假 那天我是去医院缝针
rider_rights|normal|-|站长答应的提成比例 到发工资就变了 少了好几百
rider_rights|normal|-|冲单活动的奖励说系统延迟 等了一个月了还在延迟
rider_rights|normal|-|客户填错地址 我多跑了五公里 平台还判我超时扣钱
rider_rights|normal|-|真贴心啊平台 下暴雨还给我们涨罚款
rider_rights|normal|-|谢谢站长 这个月又帮我省了三百块工资
rider_rights|normal|-|so nice of the platform to take 100 from me because the restaurant was slow
rider_rights|normal|-|thank you app for the surprise deduction, really made my day
rider_rights|normal|-|the bonus they promised for the holiday week never came, 3 weeks now
rider_rights|normal|-|guard at the compound shouted at me and blocked my bike, said riders are not allowed in
# rider_service: shade, shelter, rest, water, toilets
rider_service|low|-|路口等红灯的时候晒得冒油 能不能搭个遮阳的地方
rider_service|low|-|商圈附近要是有个能避雨的亭子就好了 每次下雨都淋透
rider_service|low|-|夏天最缺的就是一口凉水 驿站能不能放个冰柜
rider_service|low|-|中午想眯一会儿都没地方 要是有个能躺的休息室多好
rider_service|low|-|a shaded spot to wait for orders would help a lot, we bake in the sun all afternoon
rider_service|low|-|can the station get a fridge for water? summer is killing us
# suggestion in ESL / casual English
suggestion|low|-|maybe the estate can put a map at the gate, riders always get lost inside
suggestion|low|-|maybe they could add a left turn arrow at that junction, so many near misses
suggestion|low|-|would be good if the community made one gate for deliveries only
suggestion|low|-|my idea: number the buildings on the roof side too, you can see from far
suggestion|low|-|how about a weekly list of what got fixed from our reports
suggestion|low|-|better if the malls have a pickup shelf at the entrance, then we dont go up
# second-hand / over / not a fire: danger words, no report
-|-|-|看到群里别的站说有骑手被车撞了 好在人没事
-|-|-|刚才那股烟是烧烤店的 不是着火 大家别慌
-|-|-|听邻居说昨晚有人困在电梯里 后来物业放出来了
-|-|-|隔壁区昨天有个小区起火了 新闻说人都救出来了
-|-|-|朋友圈都在转一个井盖吃人的视频 看着吓人 不是咱们这
-|-|-|还好没事 刚才那个摔倒的小哥自己站起来走了
-|-|-|the smoke was just a food truck grilling, no fire, relax
-|-|-|heard a rider in another district got trapped in a lift, he's ok now
# vague hints: something may be wrong, nothing to act on yet (is_report unknown: the bot asks)
?|-|-|那边地上好像有点啥 没看清
?|-|-|感觉路口那块怪怪的 说不上来
?|-|-|刚才路过好像看到个什么东西 不确定
?|-|-|楼下好像有点情况 我也没细看
?|-|-|有个地方好像不太对劲 回头再看看
?|-|-|路上好像掉了个啥 挺大一块
?|-|-|草丛里好像有东西在动
?|-|-|那个角落好像有点不对 算了可能是我看错
?|-|-|门口好像多了个什么 之前没见过
?|-|-|not sure, something looked odd on the road back there
?|-|-|there's some thing by the gate, didn't look closely
""".strip().splitlines()


def rows() -> list[str]:
    """The labelled lines, kind headers dropped."""
    return [line for line in HAND2 if line.strip() and not line.startswith("#")]
