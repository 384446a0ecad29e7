# Permissions and the audit of role changes (issue 12 §2)
admin-not-self = ⛔ You cannot grant or revoke your own roles; ask another secretary or a superadmin.
admin-revoke-none = { $who } is not { $role }{ $scope } within your scope; nothing was revoked.
admin-bind-who = ⛔ You can't bind this group: only a branch secretary can, by sending /bind &lt;branch code&gt; in the group to be bound.
admin-grant-who = ⛔ You are not allowed to grant or revoke this role: a branch secretary grants department membership in their own branch (/grant &lt;user&gt; dept &lt;department&gt;); only a superadmin grants the secretary and superadmin roles.
admin-unbind-who = ⛔ You are not allowed to unbind this group: only a secretary of the branch it belongs to, or a superadmin, can.
admin-audit-who = ⛔ You are not allowed to read the audit of role changes: only a superadmin can.
admin-already-bound = ℹ️ This group already belongs to the branch “{ $branch }”; nothing was changed.
admin-branch-renamed = ✅ The branch is renamed: “{ $old }” → “{ $branch }”. This group still belongs to it.
admin-bound-renamed = ✅ This group now belongs to branch: { $branch } (renamed from “{ $old }”)
admin-bind-taken = ⛔ This group already belongs to another branch; only a superadmin can move it.
admin-group-moved = ℹ️ The group “{ $group }” was moved by a superadmin to the branch “{ $branch }”: its reports no longer go to your branch.
admin-group-unbound = ℹ️ The group “{ $group }” no longer belongs to your branch: its reports no longer go to your branch.
admin-unbind-usage = Usage: in a group, send /unbind to take the group out of its branch.
admin-unbind-none = This group does not belong to any branch yet.
admin-unbound = ✅ This group no longer belongs to a branch.
admin-audit-usage = Usage: /audit [how many], e.g. /audit 50 (at most 100)
admin-audit-empty = The audit is empty: no role has changed yet.
admin-audit-header = <b>Audit of role changes</b>: the latest { $shown } (of { $total }), page { $page }/{ $pages }
admin-audit-line = #{ $id } { $at } · { $actor } · { $action } · { $target }: { $before } → { $after }
admin-audit-action = { $action ->
    [grant] grant
    [revoke] revoke
    [bind] bind
    [unbind] unbind
    [rename] rename
    [move] move
    [link] link accounts
   *[other] { $action }
}
# an audit line's before and after, as labels (issue 13 wording)
audit-field = { $field ->
    [branch_name] name
    [role] role
    [branch] branch
    [department] department
    [branches] branches
   *[other] { $field }
}: { $value }
audit-role = { $role ->
    [rider] rider
    [secretary] branch secretary
    [superadmin] superadmin
   *[other] { $role }
}
audit-all-branches = every branch
