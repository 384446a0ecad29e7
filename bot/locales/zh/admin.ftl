# Permissions and the audit of role changes (issue 12 §2)
admin-not-self = ⛔ 不能给自己授予或撤销角色，请找其他书记或超级管理员。
admin-revoke-none = 在你的范围内，{ $who }{ $gap }没有这个角色：「{ $role }」{ $scope }。
admin-bind-who = ⛔ 你没有权限绑定本群：只有支部书记可以在要绑定的群里发 /bind 支部代码，把群归到自己的支部。
admin-grant-who = ⛔ 你没有权限授予或撤销这个角色：支部书记可以授予本支部的部门成员（/grant 用户 dept 部门），书记和超级管理员的角色只有超级管理员可以授予。
admin-unbind-who = ⛔ 你没有权限解除本群的绑定：只有本群所属支部的书记或超级管理员可以。
admin-audit-who = ⛔ 你没有权限查看角色变更审计：只有超级管理员可以查看。
admin-already-bound = ℹ️ 本群已经归属支部“{ $branch }”，无需重复绑定，没有做任何更改。
admin-branch-renamed = ✅ 支部已改名：“{ $old }”→“{ $branch }”。本群仍归属该支部。
admin-bound-renamed = ✅ 本群已归属支部：{ $branch }（支部原名“{ $old }”，已改为现名）
admin-bind-taken = ⛔ 本群已归属其他支部，只有超级管理员可以变更归属。
admin-group-moved = ℹ️ 群“{ $group }”已由超级管理员转到支部“{ $branch }”：此后该群的上报不再归你的支部。
admin-group-unbound = ℹ️ 群“{ $group }”已解除与你的支部的归属：此后该群的上报不再归你的支部。
admin-unbind-usage = 用法：在群里发 /unbind，解除本群与支部的归属。
admin-unbind-none = 本群还没有归属任何支部。
admin-unbound = ✅ 本群已解除支部归属。
admin-audit-usage = 用法：/audit [条数]，例如 /audit 50（最多 100 条）
admin-audit-empty = 审计记录为空：还没有任何角色变更。
admin-audit-header = <b>角色变更审计</b>：最近 { $shown } 条（共 { $total } 条），第 { $page }/{ $pages } 页
admin-audit-line = #{ $id } { $at } · { $actor } · { $action } · { $target }：{ $before } → { $after }
admin-audit-action = { $action ->
    [grant] 授予
    [revoke] 撤销
    [bind] 绑定
    [unbind] 解绑
    [rename] 改名
    [move] 转移
    [link] 合并账号
   *[other] { $action }
}
# an audit line's before and after, as labels (issue 13 wording)
audit-field = { $field ->
    [branch_name] 名称
    [role] 角色
    [branch] 支部
    [department] 部门
    [branches] 适用支部
   *[other] { $field }
}：{ $value }
audit-role = { $role ->
    [rider] 骑手
    [secretary] 支部书记
    [superadmin] 超级管理员
   *[other] { $role }
}
audit-all-branches = 全部支部
