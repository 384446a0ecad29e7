"""Typed words as the bot's word tables are keyed: one key for every table a command's word is
looked up in, and the traditional-to-simplified table the intake reads messages with.

Its own module, with no imports of the bot's: the command parser (bot.commandtext), the time
words (bot.timeparse) and the intake (bot.intake.normalize) all read through it.
"""
from __future__ import annotations

import unicodedata

# Pairs "traditional simplified", whitespace separated. Covers the common
# characters of everyday chat plus the vocabulary of city reports.
_T2S_PAIRS = """
燈灯 壞坏 麼么 個个 們们 這这 裡里 裏里 來来 為为 爲为 車车 電电 線线 號号 門门
區区 條条 與与 樓楼 層层 積积 體体 險险 邊边 過过 還还 發发 開开 關关 問问 題题
報报 鐵铁 場场 廣广 園园 醫医 學学 說说 話话 對对 時时 間间 會会 後后 沒没 見见
點点 頭头 氣气 動动 機机 馬马 騎骑 單单 給给 讓让 從从 經经 應应 該该 處处 現现
長长 東东 陳陈 張张 龍龙 鳳凤 灣湾 華华 國国 圖图 書书 買买 賣卖 錢钱 幫帮 燒烧
煙烟 災灾 壓压 塊块 溝沟 淺浅 滿满 灑洒 髒脏 廁厕 飲饮 熱热 涼凉 費费 罰罚 資资
傷伤 護护 辦办 務务 協协 議议 隊队 員员 務务 紅红 綠绿 藍蓝 黃黄 號号 碼码 鍋锅
淨净 潔洁 殘残 斷断 驛驿 隧隧 橋桥 標标 誌志 牌牌 欄栏 桿杆 護护 檔挡 擋挡 礙碍
塞塞 廢废 雜杂 蓋盖 陷陷 塌塌 損损 壞坏 裂裂 縫缝 漲涨 濕湿 溼湿 淹淹 漫漫 澇涝
內内 幹干 乾干 兒儿 麗丽 陽阳 陰阴 雲云 風风 颱台 雨雨 雪雪 霧雾 凍冻 嚴严 寬宽
窄窄 遠远 近近 靠靠 邊边 側侧 岡冈 鄉乡 鎮镇 縣县 區区 鄰邻 農农 貿贸 廈厦 館馆
舊旧 歲岁 萬万 億亿 兩两 雙双 幾几 數数 碼码 號号 層层 棟栋 樓楼 戶户 鑰钥 鎖锁
電电 話话 訊讯 語语 讀读 寫写 認认 識识 記记 設设 計计 劃划 畫画 測测 試试 驗验
證证 據据 許许 請请 謝谢 誰谁 讓让 該该 論论 調调 談谈 講讲 譜谱 變变 讚赞 響响
聽听 聲声 樂乐 歡欢 難难 覺觉 親亲 愛爱 恩恩 顧顾 客客 飯饭 餐餐 麵面 湯汤 蔥葱
雞鸡 鴨鸭 魚鱼 鳥鸟 豬猪 貓猫 狗狗 蟲虫 蝦虾 蠅蝇 腦脑 臉脸 腳脚 膚肤 傷伤 療疗
藥药 醫医 癒愈 暈晕 倒倒 摔摔 跌跌 撞撞 禍祸 輛辆 輪轮 軌轨 轉转 彎弯 駛驶 駕驾
違违 規规 則则 導导 彈弹 槍枪 殺杀 搶抢 偷偷 竊窃 詐诈 騙骗 欺欺 負负 罵骂 打打
勞劳 薪薪 資资 獎奖 懲惩 罰罚 訴诉 申申 審审 權权 益益 專专 業业 職职 場场 團团
黨党 眾众 務务 網网 絡络 組组 織织 結结 構构 築筑 實实 際际 價价 格格 貨货 運运
遞递 郵邮 寄寄 趕赶 爺爷 奶奶 媽妈 爸爸 孫孙 兒儿 孩孩 們们 嗎吗 呢呢 啊啊 哦哦
嘛嘛 囉啰 唄呗 吧吧 沒没 無无 別别 錯错 壞坏 極极 盡尽 總总 滅灭 閃闪 燦灿 亮亮
暗暗 黑黑 漆漆 瞎瞎 攤摊 販贩 佔占 擠挤 擺摆 堆堆 亂乱 停停 放放 違违 占占 據据
臺台 檯台 築筑 濾滤 漿浆 淤淤 泥泥 積积 灘滩 溢溢 漏漏 滲渗 爆爆 裂裂 管管 閥阀
衛卫 環环 垃垃 圾圾 筒筒 桶桶 臭臭 腐腐 爛烂 屍尸 鼠鼠 蟑蟑 螂螂 蒼苍 燃燃 瓦瓦
斯斯 煤煤 爐炉 焰焰 災灾 熄熄 滅灭 警警 報报 救救 援援 緊紧 急急 險险 捲卷 壓压
擊击 將将 聯联 繫系 係系 統统 籌筹 劃划 達达 選选 擇择 舉举 辭辞 簡简 單单 純纯
條条 件件 樣样 種种 類类 別别 項项 並并 嗎吗 麼么 們们 個个 裝装 備备 機机 器器
靈灵 驗验 寶宝 貝贝 鬧闹 節节 慶庆 愛爱 廳厅 廚厨 臥卧 櫃柜 鐘钟 錶表 針针 鏡镜
門门 窗窗 牆墙 壁壁 電电 梯梯 扶扶 欄栏 杆杆 椅椅 凳凳 亭亭 棚棚 蓬篷 樹树 枝枝
葉叶 園园 綠绿 藝艺 術术 圍围 擋挡 護护 攔拦 閘闸 廣广 告告 懸悬 掛挂 搖摇 晃晃
墜坠 陸陆 續续 斷断 損损 鬆松 動动 脫脱 落落 掉掉 傾倾 斜斜 塊块 碎碎 裂裂 損损
飛飞 鋼钢 筋筋 釘钉 顆颗 輕轻 重重 淺浅 深深 寬宽 窄窄 緩缓 陡陡 灣湾 島岛 嶺岭
峽峡 莊庄 寧宁 豐丰 興兴 勝胜 榮荣 鴻鸿 韓韩 趙赵 劉刘 楊杨 吳吴 黃黄 周周 鄭郑
謝谢 馮冯 蔣蒋 沈沈 楊杨 羅罗 葉叶 蘇苏 盧卢 錦锦 繡绣 綿绵 紡纺 銀银 錫锡 銅铜
鐘钟 鋒锋 範范 築筑 雲云 夢梦 飄飘 濱滨 灘滩 濟济 滬沪 蘭兰 橫横 縱纵 覽览 觀观
現现 舉举 闆板 闊阔 鬥斗 鬧闹 閒闲 間间 問问 隨随 陰阴 陽阳 隻只 雖虽 離离 難难
須须 順顺 預预 領领 頻频 顏颜 額额 風风 飛飞 養养 餓饿 館馆 驚惊 體体 鬍胡 魯鲁
鮮鲜 麥麦 齊齐 齒齿 龜龟 週周 進进 運运 遊游 達达 適适 選选 遲迟 遺遗 邊边 還还
當当 禮礼 決决 絕绝 採采 納纳 漢汉 審审 補补 貼贴 惠惠 優优 練练 訓训 體体 簡简 繁繁 錄录 鍵键 鏈链 長长 閉闭 閱阅 際际 隱隐 雜杂 電电 靜静 韋韦 頁页 項项 順顺 須须
""".split()

T2S: dict[int, str] = {}
for _pair in _T2S_PAIRS:
    if len(_pair) == 2 and _pair[0] != _pair[1]:
        T2S[ord(_pair[0])] = _pair[1]


def to_simplified(text: str) -> str:
    """Traditional -> Simplified only (case and width untouched)."""
    return "".join(T2S.get(ord(c), c) for c in text)


def typed_key(word: str) -> str:
    """A typed word as the bot's word tables are keyed: NFKC width, lower case, single spaces,
    simplified characters (`本週` → `本周`, `未辦結` → `未办结`, `Last  Week` → `last week`). One rule for
    every table a command's word is looked up in: periods (bot.periods), /cases lists
    (bot.cases.lifecycle), /proposals lists, a command's sub-word (bot.events.CommandCall.word), the time
    words (bot.timeparse.normalize), /hours' amounts."""
    return " ".join(to_simplified(unicodedata.normalize("NFKC", word)).lower().split())
